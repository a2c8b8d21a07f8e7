package dev.twostep.core;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

/**
 * A factory that reads no server options, starts nothing and holds nothing to release: every one of ours
 * but the senders', the sign-in step's and the recovery tables'. Keycloak asks each factory for these three
 * steps; this says "nothing" once instead of in each factory.
 */
public interface NoLifecycle<T extends Provider> extends ProviderFactory<T> {
    @Override
    default void init(Config.Scope config) {
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    default void close() {
    }
}
