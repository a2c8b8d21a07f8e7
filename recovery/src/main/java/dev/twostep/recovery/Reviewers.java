package dev.twostep.recovery;

import jakarta.ws.rs.ForbiddenException;

import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Who may review a realm's recovery requests: admins who may manage its users, and its users with the
 * reviewer role signed in through the review page. Nobody else, and never a reviewer of another realm.
 */
final class Reviewers {
    static final String ROLE = "two-step-recovery-reviewer";

    private Reviewers() {
    }

    static void require(RealmModel realm, AdminPermissionEvaluator auth) {
        if (!auth.users().canManage() && !byRole(realm, auth)) {
            throw new ForbiddenException("not a recovery reviewer of this realm");
        }
    }

    /**
     * A decision takes 2SV off an account, so a reviewer by role alone decides only for plain users: never
     * for themselves, another reviewer, or anyone holding an administration role; admins who may manage
     * the user decide for anyone.
     */
    static void requireMayDecideFor(RealmModel realm, AdminPermissionEvaluator auth, UserModel user) {
        require(realm, auth);
        if (user == null || auth.users().canManage(user)) {
            return;
        }
        UserModel reviewer = auth.adminAuth().getUser();
        RoleModel role = realm.getRole(ROLE);
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        boolean privileged = user.getId().equals(reviewer.getId()) || role != null && user.hasRole(role)
                || management != null && management.getRolesStream().anyMatch(user::hasRole);
        if (privileged) {
            throw new ForbiddenException("a recovery reviewer decides neither for themselves, another reviewer"
                    + " nor an administrator");
        }
    }

    /**
     * The role counts only in a token the review page asked for: a token the reviewer got for any other
     * client of the realm (an app, a direct grant) is not a way into the queue.
     */
    private static boolean byRole(RealmModel realm, AdminPermissionEvaluator auth) {
        UserModel user = auth.adminAuth().getUser();
        RoleModel role = realm.getRole(ROLE);
        return role != null && user != null && auth.adminAuth().getRealm().getId().equals(realm.getId())
                && ReviewPage.CLIENT_ID.equals(auth.adminAuth().getToken().getIssuedFor())
                && user.hasRole(role);
    }
}
