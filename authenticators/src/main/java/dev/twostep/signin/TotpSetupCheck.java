package dev.twostep.signin;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import dev.twostep.core.RealmActions;

/**
 * Finds a realm that uses our enrollment and still offers Keycloak's own authenticator-app set-up: anyone
 * holding a seller's open session could add an app there without a code. Such an app counts for nothing in
 * our steps (it is bound to no role), but the seller would believe otherwise.
 */
public final class TotpSetupCheck {
    private TotpSetupCheck() {
    }

    public static boolean offersKeycloakTotpSetup(RealmModel realm) {
        return RealmActions.enrolls(realm) && RealmActions.enabled(realm, UserModel.RequiredAction.CONFIGURE_TOTP.name());
    }
}
