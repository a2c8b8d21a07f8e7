package dev.twostep.core.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.RealmProvider;

import dev.twostep.core.testing.StandInKeycloak;
import dev.twostep.core.testing.StandInUser;

/** A method removed through Keycloak's own action tells the seller; our own removals have told already. */
class RemovedMethodNoticeTest {
    private final StandInKeycloak kc = new StandInKeycloak();
    private final StandInUser user = new StandInUser();

    @BeforeEach
    void aSellerWithAnAddress() {
        RealmProvider realms = mock(RealmProvider.class);
        lenient().when(realms.getRealm("realm-1")).thenReturn(kc.realm);
        lenient().when(kc.session.realms()).thenReturn(realms);
        lenient().when(kc.session.users().getUserById(kc.realm, user.id)).thenReturn(user.model);
        lenient().when(user.model.getEmail()).thenReturn("mario@example.com");
        org.keycloak.models.RequiredActionProviderModel enroll = new org.keycloak.models.RequiredActionProviderModel();
        enroll.setEnabled(true);
        lenient().when(kc.realm.getRequiredActionProviderByAlias("two-step-enroll")).thenReturn(enroll);
    }

    private void removed(String type, Map<String, String> more) {
        Event event = new Event();
        event.setType(EventType.REMOVE_CREDENTIAL);
        event.setRealmId("realm-1");
        event.setUserId(user.id);
        java.util.Map<String, String> details = new java.util.HashMap<>(more);
        details.put("credential_type", type);
        event.setDetails(details);
        new RemovedMethodNotice(kc.session).onEvent(event);
    }

    @Test
    void theAppOrAPasskeyRemovedInTheAccountConsoleIsNews() {
        removed("otp", Map.of());
        removed("webauthn", Map.of());
        assertEquals(List.of("twoStepNoticeMethodChanged", "twoStepNoticeMethodChanged"), kc.notices);
    }

    @Test
    void aRealmWithoutOurEnrollmentIsNotOurs() {
        org.mockito.Mockito.when(kc.realm.getRequiredActionProviderByAlias("two-step-enroll")).thenReturn(null);
        removed("otp", Map.of());
        assertEquals(List.of(), kc.notices);
    }

    @Test
    void ourOwnRemovalsAndOtherCredentialsAreNot() {
        removed("otp", Map.of("two_step_change", "disabled"));
        removed("password", Map.of());
        removed("two-step-trusted-device", Map.of());
        Event login = new Event();
        login.setType(EventType.LOGIN);
        login.setUserId(user.id);
        new RemovedMethodNotice(kc.session).onEvent(login);
        assertEquals(List.of(), kc.notices);
    }
}
