package dev.twostep.signin;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;

import dev.twostep.core.NoLifecycle;

/** Registers {@value #PROVIDER_ID} for every realm: an admin cannot forget to turn the warnings on. */
public final class FlowChangeWatchFactory implements EventListenerProviderFactory, NoLifecycle<EventListenerProvider> {
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
    public String getId() {
        return PROVIDER_ID;
    }
}
