package dev.twostep.core.notice;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's own account changes a seller must hear of as of our settings' changes: a method removed with
 * its delete action, the e-mail address changed.
 */
final class AccountNotices implements EventListenerProvider {
    private final RemovedMethodNotice removedMethod;
    private final EmailChangeNotice emailChange;

    AccountNotices(KeycloakSession session) {
        this.removedMethod = new RemovedMethodNotice(session);
        this.emailChange = new EmailChangeNotice(session);
    }

    @Override
    public void onEvent(Event event) {
        removedMethod.onEvent(event);
        emailChange.onEvent(event);
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
    }

    @Override
    public void close() {
    }
}
