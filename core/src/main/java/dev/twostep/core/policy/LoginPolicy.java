package dev.twostep.core.policy;

import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * One policy for one login. The sign-in step records which config governs the login (its own execution's,
 * which a client's flow override may make another than the browser flow's), and the enrollment, the settings
 * and the recovery pages of the same login read that one, so no part of a login runs on other limits. A login
 * the step never saw (an app-initiated action on a single sign-on) follows the realm's policy.
 */
public final class LoginPolicy {
    static final String NOTE = "two-step.policy-config";
    private static final String REALM = "realm";

    private LoginPolicy() {
    }

    /** Records the config that governs this login; null for the realm's policy. */
    public static void record(AuthenticationSessionModel login, AuthenticatorConfigModel config) {
        login.setAuthNote(NOTE, config == null ? REALM : config.getId());
    }

    /** The policy recorded for this login, each wrong setting reported (see {@link TwoStepPolicyConfig}). */
    public static TwoStepPolicy of(AuthenticationSessionModel login, RealmModel realm) {
        AuthenticatorConfigModel config = recorded(login, realm);
        return config == null ? RealmPolicy.of(realm) : RealmPolicy.read(realm, config);
    }

    /** The raw settings of this login's policy, for settings kept by other modules (recovery). */
    public static Map<String, String> config(AuthenticationSessionModel login, RealmModel realm) {
        AuthenticatorConfigModel config = recorded(login, realm);
        return config == null ? RealmPolicy.config(realm)
                : config.getConfig() == null ? Map.of() : Map.copyOf(config.getConfig());
    }

    private static AuthenticatorConfigModel recorded(AuthenticationSessionModel login, RealmModel realm) {
        String id = login == null ? null : login.getAuthNote(NOTE);
        // A config deleted since the login began: the realm's policy, never none.
        return id == null || REALM.equals(id) ? null : realm.getAuthenticatorConfigById(id);
    }
}
