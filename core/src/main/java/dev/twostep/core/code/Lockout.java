package dev.twostep.core.code;

import java.util.Optional;

import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * Keycloak's brute-force answer for a user, asked before a code is checked so that a locked user learns
 * nothing about the code they typed: the event error (temporarily or permanently locked), empty when the
 * user may try.
 */
public final class Lockout {
    private Lockout() {
    }

    public static Optional<String> of(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!realm.isBruteForceProtected()) {
            return Optional.empty();
        }
        return Optional.ofNullable(AuthenticatorUtils.getDisabledByBruteForceEventError(
                session.getProvider(BruteForceProtector.class), session, realm, user));
    }
}
