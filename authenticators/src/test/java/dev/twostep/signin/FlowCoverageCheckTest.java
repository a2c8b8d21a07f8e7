package dev.twostep.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticationFlowModel;

import dev.twostep.core.AuthenticatorIds;
import dev.twostep.core.RequiredActionIds;

/** Which ways into a realm the report names as skipping the code. */
class FlowCoverageCheckTest {
    private final FlowRealm realm = new FlowRealm();

    @Test
    void aRealmUsesTwoStepByItsBrowserFlowOrByOurEnrollment() {
        realm.flow("browser", "auth-cookie", "auth-username-password-form");
        assertFalse(FlowCoverageCheck.usesTwoStep(realm.realm()), "a realm without 2SV is none of our business");
        realm.requiredAction(RequiredActionIds.ENROLL, true);
        assertTrue(FlowCoverageCheck.usesTwoStep(realm.realm()));
        realm.requiredAction(RequiredActionIds.ENROLL, false);
        realm.flow("forms", "auth-username-password-form", AuthenticatorIds.VERIFY);
        realm.flow("browser", "auth-cookie", "flow:forms");
        assertTrue(FlowCoverageCheck.usesTwoStep(realm.realm()));
    }

    @Test
    void eachWayWithoutTheCodeIsNamedWithItsFlow() {
        AuthenticationFlowModel withCode = realm.flow("forms", "auth-username-password-form", AuthenticatorIds.VERIFY);
        AuthenticationFlowModel passwordOnly = realm.flow("app login", "auth-username-password-form");
        AuthenticationFlowModel grant = realm.flow("grant", "direct-grant-validate-password",
                DirectGrantAuthenticatorFactory.PROVIDER_ID);
        AuthenticationFlowModel disabledCode = realm.flow("post login");
        realm.disabled(disabledCode, AuthenticatorIds.VERIFY);
        List<WayIn> ways = List.of(
                WayIn.browser("browser flow", withCode.getId()),
                WayIn.passwordGrant("direct grant flow", grant.getId()),
                WayIn.browser("client shop, browser flow override", passwordOnly.getId()),
                WayIn.browser("identity provider partner, post login flow", disabledCode.getId()),
                WayIn.browser("identity provider other, post login flow", null),
                WayIn.browser("client old, browser flow override", "a-deleted-flow"));
        assertEquals(List.of("client shop, browser flow override (app login)",
                "identity provider partner, post login flow (post login)",
                "identity provider other, post login flow (none)",
                "client old, browser flow override (none)"), FlowCoverageCheck.uncovered(realm.realm(), ways));
    }

    @Test
    void thePasswordGrantsOwnStepCountsOnlyForThePasswordGrant() {
        AuthenticationFlowModel grant = realm.flow("grant", DirectGrantAuthenticatorFactory.PROVIDER_ID);
        assertEquals(List.of(), FlowCoverageCheck.uncovered(realm.realm(), List.of(WayIn.passwordGrant("grant", grant.getId()))));
        assertEquals(List.of("browser (grant)"),
                FlowCoverageCheck.uncovered(realm.realm(), List.of(WayIn.browser("browser", grant.getId()))));
    }

    @Test
    void keycloaksOwnSecondStepsBesideOursAreNamedAsWaysRoundIt() {
        AuthenticationFlowModel clean = realm.flow("seller forms", "auth-username-password-form", AuthenticatorIds.VERIFY);
        realm.flow("keys", "webauthn-authenticator-passwordless");
        AuthenticationFlowModel mixed = realm.flow("mixed", "auth-cookie", "flow:keys", "auth-username-password-form",
                AuthenticatorIds.VERIFY, "auth-otp-form");
        AuthenticationFlowModel off = realm.flow("off", "auth-username-password-form", AuthenticatorIds.VERIFY);
        realm.disabled(off, "auth-otp-form");
        List<WayIn> ways = List.of(WayIn.browser("browser flow", clean.getId()),
                WayIn.browser("client shop, browser flow override", mixed.getId()),
                WayIn.browser("client old, browser flow override", off.getId()),
                WayIn.browser("identity provider other, post login flow", null));
        assertEquals(List.of("client shop, browser flow override (mixed): webauthn-authenticator-passwordless",
                "client shop, browser flow override (mixed): auth-otp-form"), FlowCoverageCheck.sidesteps(realm.realm(), ways));
    }
}
