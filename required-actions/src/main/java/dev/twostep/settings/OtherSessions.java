package dev.twostep.settings;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import dev.twostep.core.session.UserSessions;

/** Ends every session of the seller except the one in this browser, after a change of their methods. */
final class OtherSessions {
    private final KeycloakSession session;

    OtherSessions(KeycloakSession session) {
        this.session = session;
    }

    /** Returns how many sessions ended. */
    int signOut(RealmModel realm, UserModel user, AuthenticationSessionModel current) {
        // Keycloak gives this browser's user session the id of its root authentication session.
        return new UserSessions(session).endAllBut(realm, user, current.getParentSession().getId());
    }
}
