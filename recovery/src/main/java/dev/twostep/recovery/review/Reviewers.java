package dev.twostep.recovery.review;

import jakarta.ws.rs.ForbiddenException;

import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.twostep.core.AcrLevels;

/**
 * Who may review a realm's recovery requests: admins who may manage its users, and its users with the
 * reviewer role signed in through the review page. Nobody else, and never a reviewer of another realm.
 * A review takes 2SV off an account, so a reviewer of the realm itself (by role, or an admin of this realm)
 * acts only with a token from a sign-in with a code: not a trusted browser, not a session reused by SSO.
 * Admins of the master realm answer to that realm's own sign-in policy.
 */
final class Reviewers {
    static final String ROLE = "two-step-recovery-reviewer";

    private Reviewers() {
    }

    static void require(RealmModel realm, AdminPermissionEvaluator auth) {
        if (!auth.users().canManage() && !byRole(realm, auth)) {
            throw new ForbiddenException("not a recovery reviewer of this realm");
        }
        if (auth.adminAuth().getRealm().getId().equals(realm.getId())
                && !AcrLevels.afterCode(realm, auth.adminAuth().getToken().getAcr())) {
            throw new ForbiddenException("recovery reviews need a sign-in with a Two-Step Verification code");
        }
    }

    /** True when the reviewer may see and decide {@code user}'s requests (see {@link #requireMayDecideFor}). */
    static boolean mayDecideFor(RealmModel realm, AdminPermissionEvaluator auth, UserModel user) {
        if (user == null || auth.users().canManage(user)) {
            return true;
        }
        UserModel reviewer = auth.adminAuth().getUser();
        RoleModel role = realm.getRole(ROLE);
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        return !(user.getId().equals(reviewer.getId()) || role != null && user.hasRole(role)
                || management != null && management.getRolesStream().anyMatch(user::hasRole));
    }

    /**
     * A decision takes 2SV off an account, so a reviewer by role alone sees and decides only for plain users:
     * never for themselves, another reviewer, or anyone holding an administration role; admins who may manage
     * the user decide for anyone.
     */
    static void requireMayDecideFor(RealmModel realm, AdminPermissionEvaluator auth, UserModel user) {
        require(realm, auth);
        if (!mayDecideFor(realm, auth, user)) {
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
