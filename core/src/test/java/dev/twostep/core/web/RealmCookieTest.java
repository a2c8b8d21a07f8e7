package dev.twostep.core.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** Which of a browser's cookies the server reads, over https and over plain http. */
class RealmCookieTest {
    private static Function<String, Optional<String>> cookies(Map<String, String> sent) {
        return name -> Optional.ofNullable(sent.get(name));
    }

    private static Function<String, Optional<String>> both() {
        return cookies(Map.of("__Secure-TRUST", "secure", "TRUST", "planted"));
    }

    @Test
    void overHttpsOnlyThePrefixedCookieCounts() {
        assertEquals(Optional.of("secure"), RealmCookie.sent(both(), "TRUST", true));
        assertEquals(Optional.empty(), RealmCookie.sent(cookies(Map.of("TRUST", "planted")), "TRUST", true),
                "a cookie a plain-http page could set is ignored");
    }

    @Test
    void overPlainHttpThePlainNameIsRead() {
        assertEquals(Optional.of("planted"), RealmCookie.sent(both(), "TRUST", false));
    }
}
