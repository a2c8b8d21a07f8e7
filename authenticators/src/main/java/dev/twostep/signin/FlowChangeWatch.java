package dev.twostep.signin;

import java.util.Set;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Runs the realm's gap report after an admin changes what decides how users sign in, so a flow that skips
 * the code is named in the log when it is made, not at the next restart.
 */
final class FlowChangeWatch implements EventListenerProvider {
    static final Set<ResourceType> WATCHED = Set.of(ResourceType.AUTH_FLOW, ResourceType.AUTH_EXECUTION,
            ResourceType.AUTH_EXECUTION_FLOW, ResourceType.AUTHENTICATOR_CONFIG, ResourceType.IDENTITY_PROVIDER,
            ResourceType.CLIENT, ResourceType.REALM, ResourceType.REQUIRED_ACTION);

    private final KeycloakSession session;

    FlowChangeWatch(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (!WATCHED.contains(event.getResourceType()) || event.getRealmId() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm != null) {
            RealmGapReport.run(session, realm);
        }
    }

    @Override
    public void close() {
    }
}
