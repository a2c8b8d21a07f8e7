package dev.twostep.core.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A cookie value that ties a browser to something we stored (a trusted device, a recovery request): the
 * record's id, a dot, and a 128-bit random token of which only the hash is stored. The id finds the record
 * without a scan; the token proves the browser holds what we handed out.
 */
public record BrowserToken(String recordId, String token) {
    private static final Pattern SHAPE = Pattern.compile("([0-9a-fA-F-]{36})\\.([A-Za-z0-9_-]{22})");

    public static String newToken(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Reads a cookie value; anything not of the exact shape (forged, truncated) is empty. */
    public static Optional<BrowserToken> parse(String cookieValue) {
        if (cookieValue == null) {
            return Optional.empty();
        }
        var matcher = SHAPE.matcher(cookieValue);
        return matcher.matches() ? Optional.of(new BrowserToken(matcher.group(1), matcher.group(2)))
                : Optional.empty();
    }

    public String cookieValue() {
        return recordId + "." + token;
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Constant-time check of this token against a stored hash. */
    public boolean matches(String storedHash) {
        return storedHash != null && MessageDigest.isEqual(
                hash(token).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
