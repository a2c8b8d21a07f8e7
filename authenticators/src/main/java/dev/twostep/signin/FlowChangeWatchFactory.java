package dev.twostep.signin;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers {@value #PROVIDER_ID} for every realm: an admin cannot forget to turn the warnings on. */
public final class FlowChangeWatchFactory implements EventListenerProviderFactory {
    public static final String PROVIDER_ID = "two-step-flow-watch";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new FlowChangeWatch(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
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
