package dev.twostep.recovery;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import dev.twostep.core.NoLifecycle;

/** Serves {@code /realms/{realm}/}{@value #PROVIDER_ID}: the recovery upload and the reviewers' page. */
public final class RecoveryRealmResourceFactory implements RealmResourceProviderFactory, NoLifecycle<RealmResourceProvider> {
    public static final String PROVIDER_ID = "two-step-recovery";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RecoveryRealmResource(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
