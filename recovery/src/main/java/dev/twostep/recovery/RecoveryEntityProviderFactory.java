package dev.twostep.recovery;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import dev.twostep.recovery.retention.RecoveryHousekeeping;

public final class RecoveryEntityProviderFactory implements JpaEntityProviderFactory {
    public static final String PROVIDER_ID = "two-step-recovery";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new RecoveryEntityProvider();
    }

    @Override
    public void init(Config.Scope config) {
    }

    /** The tables' factory starts their housekeeping too: it exists exactly when the tables do. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        RecoveryHousekeeping.register(factory);
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
