package dev.twostep.recovery.review;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** Serves the reviewers' API under {@code /admin/realms/{realm}/}{@value #PROVIDER_ID}. */
public final class RecoveryQueueResourceProviderFactory implements AdminRealmResourceProviderFactory {
    public static final String PROVIDER_ID = "two-step-recovery";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new RecoveryQueueResourceProvider();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
