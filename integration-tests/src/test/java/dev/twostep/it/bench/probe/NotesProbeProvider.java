package dev.twostep.it.bench.probe;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** Serves {@link NotesProbe} for one request. */
final class NotesProbeProvider implements RealmResourceProvider {
    private final KeycloakSession session;

    NotesProbeProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new NotesProbe(session);
    }

    @Override
    public void close() {
    }
}
