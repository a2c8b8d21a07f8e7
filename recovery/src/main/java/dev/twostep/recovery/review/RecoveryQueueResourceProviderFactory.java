package dev.twostep.recovery.review;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

import dev.twostep.core.NoLifecycle;

/** Serves the reviewers' API under {@code /admin/realms/{realm}/}{@value #PROVIDER_ID}. */
public final class RecoveryQueueResourceProviderFactory implements AdminRealmResourceProviderFactory, NoLifecycle<AdminRealmResourceProvider> {
    public static final String PROVIDER_ID = "two-step-recovery";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new RecoveryQueueResourceProvider();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
