package dev.twostep.core.session;

import java.util.List;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.UserSessionManager;

/**
 * Ends a user's sessions the way an admin's "Sign out" does (apps are told through back-channel logout),
 * and their offline sessions too: an offline token outlives every browser, so a reset that left it would
 * leave the thief a way in.
 */
public final class UserSessions {
    private final KeycloakSession session;

    public UserSessions(KeycloakSession session) {
        this.session = session;
    }

    /**
     * Ends every session of the user, online and offline, and makes every token issued until now stale
     * (the user's not-before), so a refresh token kept anywhere is refused. Returns how many sessions ended.
     */
    public int endEverywhere(RealmModel realm, UserModel user) {
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        return endAllBut(realm, user, null);
    }

    /**
     * Ends every session of the user but the online one {@code keptId} (null: none kept), and every offline
     * session, which never belongs to the browser kept. Returns how many ended.
     */
    public int endAllBut(RealmModel realm, UserModel user, String keptId) {
        List<UserSessionModel> ending = session.sessions().getUserSessionsStream(realm, user)
                .filter(userSession -> !userSession.getId().equals(keptId)).toList();
        ending.forEach(userSession -> AuthenticationManager.backchannelLogout(session, userSession, true));
        UserSessionManager manager = new UserSessionManager(session);
        List<UserSessionModel> offline = manager.findOfflineSessionsStream(realm, user).toList();
        offline.forEach(manager::revokeOfflineUserSession);
        return ending.size() + offline.size();
    }
}
