package dev.twostep.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;

import dev.twostep.core.testing.StandInKeycloak;
import dev.twostep.core.testing.StandInUser;

/** Which sign-ins are news to the seller: a browser not seen within the window, never the first one recorded. */
class KnownBrowsersTest {
    private static final Duration WINDOW = Duration.ofDays(90);
    private final StandInUser user = new StandInUser();

    @AfterEach
    void backToNow() {
        Time.setOffset(0);
    }

    /** A browser: its own stand-in of Keycloak, sending back the cookie it was given, if any. */
    private static final class Browser {
        final StandInKeycloak kc = new StandInKeycloak();

        boolean signsIn(StandInUser user) {
            boolean news = new KnownBrowsers(kc.session).signedInFromNewBrowser(kc.realm, user.model, WINDOW);
            kc.cookiesSet.forEach(cookie -> kc.browserSends(cookie.getName(), cookie.getValue()));
            return news;
        }
    }

    @Test
    void theFirstBrowserRecordedIsNoNewsAndALaterOneIs() {
        Browser first = new Browser();
        assertFalse(first.signsIn(user), "nothing recorded yet: learnt silently");
        assertFalse(first.signsIn(user), "seen today");
        assertTrue(new Browser().signsIn(user), "a browser this account has not used");
    }

    @Test
    void aBrowserUnseenForLongerThanTheWindowIsNewsAgain() {
        Browser usual = new Browser();
        usual.signsIn(user);
        Time.setOffset((int) WINDOW.minusDays(1).toSeconds());
        assertFalse(usual.signsIn(user));
        Time.setOffset((int) WINDOW.minusDays(1).plus(WINDOW).plusDays(1).toSeconds());
        assertTrue(usual.signsIn(user));
    }

    @Test
    void theAccountKeepsHashesOfTheNewestTenNeverTheIds() {
        Browser first = new Browser();
        first.signsIn(user);
        String id = first.kc.cookiesSet.get(0).getValue();
        for (int i = 0; i < 12; i++) {
            Time.setOffset(i * 86_400);
            new Browser().signsIn(user);
        }
        List<String> kept = user.attributes.get(KnownBrowsers.ATTRIBUTE);
        assertEquals(KnownBrowsers.KEPT, kept.size());
        assertTrue(kept.stream().noneMatch(entry -> entry.contains(id)), "the cookie's id is never stored");
    }

    @Test
    void aForgedCookieIsAnotherNewBrowser() {
        new Browser().signsIn(user);
        Browser forged = new Browser();
        forged.kc.browserSends(KnownBrowsers.COOKIE, "not-an-id");
        assertTrue(forged.signsIn(user));
        assertEquals(1, forged.kc.cookiesSet.size(), "it gets a real id instead");
    }
}
