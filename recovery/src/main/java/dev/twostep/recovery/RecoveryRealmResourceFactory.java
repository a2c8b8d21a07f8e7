package dev.twostep.recovery;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Serves {@code /realms/{realm}/}{@value #PROVIDER_ID}: the recovery upload and the reviewers' page. */
public final class RecoveryRealmResourceFactory implements RealmResourceProviderFactory {
    public static final String PROVIDER_ID = "two-step-recovery";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RecoveryRealmResource(session);
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
