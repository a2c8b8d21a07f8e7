package dev.twostep.core.session;

import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/** Ends a user's sessions the way an admin's "Sign out" does: apps are told through back-channel logout. */
public final class UserSessions {
    private final KeycloakSession session;

    public UserSessions(KeycloakSession session) {
        this.session = session;
    }

    /** Ends every session of the user but {@code keptId} (null: none kept); returns how many ended. */
    public int endAllBut(RealmModel realm, UserModel user, String keptId) {
        List<UserSessionModel> ending = session.sessions().getUserSessionsStream(realm, user)
                .filter(userSession -> !userSession.getId().equals(keptId)).toList();
        ending.forEach(userSession -> AuthenticationManager.backchannelLogout(session, userSession, true));
        return ending.size();
    }
}
