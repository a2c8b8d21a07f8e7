package dev.twostep.recovery;

import jakarta.ws.rs.ForbiddenException;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Who may review a realm's recovery requests: its users with the reviewer role, and admins who may
 * manage its users. Nobody else, and never a reviewer of another realm.
 */
final class Reviewers {
    static final String ROLE = "two-step-recovery-reviewer";

    private Reviewers() {
    }

    static void require(RealmModel realm, AdminPermissionEvaluator auth) {
        if (!isReviewer(realm, auth)) {
            throw new ForbiddenException("not a recovery reviewer of this realm");
        }
    }

    private static boolean isReviewer(RealmModel realm, AdminPermissionEvaluator auth) {
        if (auth.users().canManage()) {
            return true;
        }
        UserModel user = auth.adminAuth().getUser();
        RoleModel role = realm.getRole(ROLE);
        return role != null && user != null && auth.adminAuth().getRealm().getId().equals(realm.getId())
                && user.hasRole(role);
    }
}
