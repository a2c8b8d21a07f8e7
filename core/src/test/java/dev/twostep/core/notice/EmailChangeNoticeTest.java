package dev.twostep.core.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.mockito.ArgumentCaptor;

import dev.twostep.core.testing.StandInKeycloak;
import dev.twostep.core.testing.StandInUser;

/** A changed e-mail address is told to the address it replaced, with the new one masked. */
class EmailChangeNoticeTest {
    private final StandInKeycloak kc = new StandInKeycloak();
    private final StandInUser user = new StandInUser();

    @BeforeEach
    void aSellerOfATwoStepRealm() {
        EventSellerStandIn.place(kc, user, "thief@evil.example");
    }

    private void changed(EventType type, Map<String, String> details) {
        Event event = new Event();
        event.setType(type);
        event.setRealmId(EventSellerStandIn.REALM_ID);
        event.setUserId(user.id);
        event.setDetails(details);
        new EmailChangeNotice(kc.session).onEvent(event);
    }

    @Test
    void thePreviousAddressHearsOfIt() {
        changed(EventType.UPDATE_PROFILE, Map.of("previous_email", "mario@example.com", "updated_email", "thief@evil.example"));
        assertEquals(List.of("twoStepNoticeEmailChanged"), kc.notices);
        ArgumentCaptor<UserModel> to = ArgumentCaptor.forClass(UserModel.class);
        verify(kc.session.getProvider(EmailTemplateProvider.class), atLeastOnce()).setUser(to.capture());
        assertEquals("mario@example.com", to.getValue().getEmail());
        assertEquals(user.id, to.getValue().getId());
    }

    @Test
    void noChangeNoFirstAddressOrAnotherEventIsNoNews() {
        changed(EventType.UPDATE_PROFILE, Map.of("previous_first_name", "Mario", "updated_first_name", "Marco"));
        changed(EventType.UPDATE_EMAIL, Map.of("previous_email", "Mario@example.com", "updated_email", "mario@example.com"));
        changed(EventType.UPDATE_PROFILE, Map.of("updated_email", "mario@example.com"));
        changed(EventType.LOGIN, Map.of("previous_email", "mario@example.com", "updated_email", "x@example.com"));
        assertEquals(List.of(), kc.notices);
    }

    @Test
    void theNewAddressIsMasked() {
        assertEquals("t•••@evil.example", EmailChangeNotice.masked("thief@evil.example"));
        assertEquals("x•••", EmailChangeNotice.masked("x"));
    }
}
