package dev.twostep.core.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

import dev.twostep.core.testing.StandInKeycloak;
import dev.twostep.core.testing.StandInUser;

/** A method removed through Keycloak's own action tells the seller; our own removals have told already. */
class RemovedMethodNoticeTest {
    private final StandInKeycloak kc = new StandInKeycloak();
    private final StandInUser user = new StandInUser();

    @BeforeEach
    void aSellerWithAnAddress() {
        EventSellerStandIn.place(kc, user, "mario@example.com");
    }

    private void removed(String type, Map<String, String> more) {
        Event event = new Event();
        event.setType(EventType.REMOVE_CREDENTIAL);
        event.setRealmId(EventSellerStandIn.REALM_ID);
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
