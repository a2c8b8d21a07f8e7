package dev.twostep.settings;

import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Ends every session of the seller except the one in this browser, after a change of their methods. */
final class OtherSessions {
    private final KeycloakSession session;

    OtherSessions(KeycloakSession session) {
        this.session = session;
    }

    /** Returns how many sessions ended. */
    int signOut(RealmModel realm, UserModel user, AuthenticationSessionModel current) {
        // Keycloak gives this browser's user session the id of its root authentication session.
        String currentId = current.getParentSession().getId();
        List<UserSessionModel> others = session.sessions().getUserSessionsStream(realm, user)
                .filter(userSession -> !userSession.getId().equals(currentId)).toList();
        others.forEach(userSession -> AuthenticationManager.backchannelLogout(session, userSession, true));
        return others.size();
    }
}
