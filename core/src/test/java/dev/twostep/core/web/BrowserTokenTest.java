package dev.twostep.core.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BrowserTokenTest {
    private static final String ID = "0b6a4c9e-3f1d-4e55-9c2a-6f4b1e2d7a10";

    @Test
    void cookieValueRoundTripsAndMatchesOnlyItsHash() {
        String token = BrowserToken.newToken(new SecureRandom());
        BrowserToken parsed = BrowserToken.parse(new BrowserToken(ID, token).cookieValue())
                .orElseThrow();
        assertEquals(ID, parsed.recordId());
        assertTrue(parsed.matches(BrowserToken.hash(token)));
        assertFalse(parsed.matches(BrowserToken.hash(BrowserToken.newToken(new SecureRandom()))));
        assertFalse(parsed.matches(null));
    }

    @Test
    void forgedOrTruncatedValuesAreIgnored() {
        String token = BrowserToken.newToken(new SecureRandom());
        assertEquals(Optional.empty(), BrowserToken.parse(null));
        assertEquals(Optional.empty(), BrowserToken.parse(ID + "." + token.substring(1)));
        assertEquals(Optional.empty(), BrowserToken.parse(ID));
        assertEquals(Optional.empty(), BrowserToken.parse("<script>." + token));
    }
}
