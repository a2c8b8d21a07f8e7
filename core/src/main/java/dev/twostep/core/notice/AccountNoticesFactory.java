package dev.twostep.core.notice;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;

import dev.twostep.core.NoLifecycle;

/** Registers {@value #PROVIDER_ID} for every realm: a notice an admin had to switch on would be missed. */
public final class AccountNoticesFactory implements EventListenerProviderFactory, NoLifecycle<EventListenerProvider> {
    public static final String PROVIDER_ID = "two-step-account-notices";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AccountNotices(session);
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
