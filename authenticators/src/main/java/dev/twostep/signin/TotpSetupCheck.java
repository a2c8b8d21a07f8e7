package dev.twostep.signin;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;

import dev.twostep.core.RequiredActionIds;

/**
 * Finds a realm that uses our enrollment and still offers Keycloak's own authenticator-app set-up: anyone
 * holding a seller's open session could add an app there without a code. Such an app counts for nothing in
 * our steps (it is bound to no role), but the seller would believe otherwise.
 */
public final class TotpSetupCheck {
    private TotpSetupCheck() {
    }

    public static boolean offersKeycloakTotpSetup(RealmModel realm) {
        return enabled(realm, RequiredActionIds.ENROLL) && enabled(realm, UserModel.RequiredAction.CONFIGURE_TOTP.name());
    }

    private static boolean enabled(RealmModel realm, String alias) {
        RequiredActionProviderModel action = realm.getRequiredActionProviderByAlias(alias);
        return action != null && action.isEnabled();
    }
}
