package dev.twostep.recovery.review;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

public final class RecoveryQueueResourceProvider implements AdminRealmResourceProvider {
    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        return new RecoveryQueueResource(session, realm, auth, adminEvent);
    }

    @Override
    public void close() {
    }
}
