package dev.twostep.recovery.request;

import java.util.Arrays;
import java.util.Optional;

/**
 * The document types a reviewer can open safely, recognised by their first bytes: a file's name and the
 * browser's content type are the uploader's words and decide nothing.
 */
public enum DocumentType {
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    /** Enough of a file's start to tell every type apart. */
    public static final int HEAD_LENGTH = 8;

    private final String mediaType;
    private final String extension;
    private final byte[] magic;

    DocumentType(String mediaType, String extension, byte[] magic) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The type whose signature {@code head} starts with, if any. */
    public static Optional<DocumentType> of(byte[] head) {
        for (DocumentType type : values()) {
            if (head.length >= type.magic.length
                    && Arrays.equals(Arrays.copyOf(head, type.magic.length), type.magic)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static Optional<DocumentType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst();
    }
}
