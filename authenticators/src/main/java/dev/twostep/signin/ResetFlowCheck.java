package dev.twostep.signin;

import org.keycloak.models.RealmModel;

import dev.twostep.core.AuthenticatorIds;

/**
 * Finds a realm where "Forgot password" signs a user in without a code: Keycloak ends that flow signed in,
 * so the e-mailed link and a new password would be the whole sign-in.
 */
public final class ResetFlowCheck {
    private ResetFlowCheck() {
    }

    public static boolean skipsTheCode(RealmModel realm) {
        return realm.isResetPasswordAllowed()
                && !FlowSteps.enabled(realm, realm.getResetCredentialsFlow()).contains(AuthenticatorIds.VERIFY);
    }
}
