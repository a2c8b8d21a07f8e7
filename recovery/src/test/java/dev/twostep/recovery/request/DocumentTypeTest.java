package dev.twostep.recovery.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DocumentTypeTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void recognisesTheThreeTypesByTheirFirstBytes() {
        assertEquals(Optional.of(DocumentType.PDF), DocumentType.of(ascii("%PDF-1.7\n...")));
        assertEquals(Optional.of(DocumentType.JPEG), DocumentType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x0E}));
        assertEquals(Optional.of(DocumentType.PNG),
                DocumentType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}));
    }

    @Test
    void refusesWhatOnlyClaimsToBeADocument() {
        assertEquals(Optional.empty(), DocumentType.of(ascii("<html><body>%PDF-</body></html>")));
        assertEquals(Optional.empty(), DocumentType.of(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")));
        assertEquals(Optional.empty(), DocumentType.of(ascii(" %PDF-1.4")), "the signature must come first");
        assertEquals(Optional.empty(), DocumentType.of(new byte[] {(byte) 0x89, 'P', 'N'}), "a truncated signature");
        assertEquals(Optional.empty(), DocumentType.of(new byte[0]));
    }

    @Test
    void mediaTypesMapBack() {
        for (DocumentType type : DocumentType.values()) {
            assertEquals(Optional.of(type), DocumentType.ofMediaType(type.mediaType()));
        }
        assertEquals(Optional.empty(), DocumentType.ofMediaType("image/svg+xml"));
    }
}
