package dev.twostep.core.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.lenient;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;
import org.keycloak.representations.JsonWebToken;

import dev.twostep.core.testing.HmacTokens;
import dev.twostep.core.testing.StandInKeycloak;
import dev.twostep.core.testing.StandInUser;

/** The "This wasn't me" links: good once, for seven days, for their user and realm, and never forged. */
class NotMeLinksTest {
    private final StandInKeycloak kc = new StandInKeycloak();
    private final StandInUser user = new StandInUser();
    private final NotMeLinks links = new NotMeLinks(kc.session);

    @AfterEach
    void backToNow() {
        Time.setOffset(0);
    }

    private String tokenOf(String link) {
        return link.substring(link.indexOf("t=") + 2);
    }

    private String link() {
        lenient().when(user.model.getId()).thenReturn("user-1");
        return links.linkFor(kc.realm, user.model, ChangeNotice.Change.METHOD_CHANGED);
    }

    @Test
    void aLinkLeadsToTheResourceAndNamesItsUserAndNotice() {
        String link = link();
        assertTrue(link.startsWith("http://localhost:8080/realms/seller/two-step-not-me?t="), link);
        NotMeToken token = links.read(kc.realm, tokenOf(link)).orElseThrow();
        assertEquals("user-1", token.getSubject());
        assertEquals("METHOD_CHANGED", token.getNotice());
    }

    @Test
    void aLinkWorksOnce() {
        String raw = tokenOf(link());
        NotMeToken token = links.read(kc.realm, raw).orElseThrow();
        assertTrue(links.spend(token));
        assertFalse(links.spend(token), "a second tab loses");
        assertEquals(Optional.empty(), links.read(kc.realm, raw), "spent");
    }

    @Test
    void aLinkOlderThanSevenDaysIsRefused() {
        String raw = tokenOf(link());
        Time.setOffset((int) NotMeLinks.LIFETIME.toSeconds() - 60);
        assertTrue(links.read(kc.realm, raw).isPresent(), "still good on the seventh day");
        Time.setOffset((int) NotMeLinks.LIFETIME.toSeconds() + 1);
        assertEquals(Optional.empty(), links.read(kc.realm, raw));
    }

    @Test
    void aForgedOrAlteredLinkIsRefused() {
        String raw = tokenOf(link());
        NotMeToken copy = links.read(kc.realm, raw).orElseThrow();
        copy.subject("user-2");
        assertEquals(Optional.empty(), links.read(kc.realm, new HmacTokens("an attacker's key").encode(copy)),
                "signed with another key");
        String[] parts = raw.split("\\.");
        String otherUser = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("user-1", "user-2").getBytes());
        assertEquals(Optional.empty(), links.read(kc.realm, parts[0] + "." + otherUser + "." + parts[2]),
                "another user's id in a genuine signature");
        assertEquals(Optional.empty(), links.read(kc.realm, "not-a-token"));
        assertEquals(Optional.empty(), links.read(kc.realm, null));
    }

    @Test
    void anotherKindOfTokenSignedByTheRealmIsNoLink() {
        JsonWebToken bearer = new JsonWebToken();
        bearer.id("id-1");
        bearer.type("Bearer");
        bearer.issuer("http://localhost:8080/realms/seller");
        bearer.subject("user-1");
        bearer.exp((long) Time.currentTime() + 600);
        assertEquals(Optional.empty(), links.read(kc.realm, kc.tokens.encode(bearer)), "an access token is not a link");
    }

    @Test
    void anotherRealmsLinkIsRefused() {
        String raw = tokenOf(link());
        lenient().when(kc.realm.getName()).thenReturn("other");
        assertEquals(Optional.empty(), links.read(kc.realm, raw));
    }

    @Test
    void theNoticeCarriesTheLink() throws Exception {
        lenient().when(user.model.getEmail()).thenReturn("mario@example.com");
        new ChangeNotice(kc.session).send(kc.realm, user.model, ChangeNotice.Change.DISABLED);
        assertEquals(java.util.List.of("twoStepNoticeDisabled"), kc.notices);
        assertTrue(URI.create(kc.noticeLinks.get(0)).getPath().endsWith("/realms/seller/two-step-not-me"));
    }
}
