package dev.twostep.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticationFlowModel;

import dev.twostep.core.AuthenticatorIds;
import dev.twostep.core.RequiredActionIds;

/** What the start-up checks report about a realm's flows. */
class FlowChecksTest {
    private final FlowRealm realm = new FlowRealm();

    @Test
    void eMailCodeStepsAreFoundInSubFlowsButNotWhenDisabled() {
        realm.flow("forms", "auth-username-password-form", AuthenticatorIds.VERIFY, "ext-email-otp");
        AuthenticationFlowModel browser = realm.flow("browser", "auth-cookie", "flow:forms");
        realm.disabled(browser, "email-authenticator");
        realm.flow("direct grant", "direct-grant-validate-password");
        assertEquals(List.of("browser: ext-email-otp"), EmailCodeFlowCheck.offending(realm.realm()));
    }

    @Test
    void forgotPasswordWithoutTheCodeIsReportedOnlyWhenItIsOn() {
        realm.flow("reset credentials", "reset-credentials-choose-user", "reset-credential-email", "reset-password");
        assertFalse(ResetFlowCheck.skipsTheCode(realm.realm()), "reset is off: nothing to report");
        realm.resetAllowed(true);
        assertTrue(ResetFlowCheck.skipsTheCode(realm.realm()));
    }

    @Test
    void aResetFlowWithTheCodeIsFine() {
        realm.resetAllowed(true);
        realm.flow("code", AuthenticatorIds.VERIFY);
        realm.flow("reset credentials", "reset-credentials-choose-user", "reset-credential-email", "flow:code",
                "reset-password");
        assertFalse(ResetFlowCheck.skipsTheCode(realm.realm()));
    }

    @Test
    void aDisabledCodeStepDoesNotCount() {
        realm.resetAllowed(true);
        AuthenticationFlowModel reset = realm.flow("reset credentials", "reset-credential-email", "reset-password");
        realm.disabled(reset, AuthenticatorIds.VERIFY);
        assertTrue(ResetFlowCheck.skipsTheCode(realm.realm()));
    }

    @Test
    void keycloaksTotpSetupIsReportedOnlyBesideOurEnrollment() {
        realm.requiredAction("CONFIGURE_TOTP", true);
        assertFalse(TotpSetupCheck.offersKeycloakTotpSetup(realm.realm()), "a realm without our enrollment");
        realm.requiredAction(RequiredActionIds.ENROLL, true);
        assertTrue(TotpSetupCheck.offersKeycloakTotpSetup(realm.realm()));
        realm.requiredAction("CONFIGURE_TOTP", false);
        assertFalse(TotpSetupCheck.offersKeycloakTotpSetup(realm.realm()), "the shipped realm disables it");
    }
}
