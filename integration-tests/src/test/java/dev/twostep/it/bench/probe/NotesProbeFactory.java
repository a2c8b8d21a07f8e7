package dev.twostep.it.bench.probe;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * A benchmark's probe, never part of two-step: {@code /realms/{realm}/two-step-bench-probe/notes} tells the
 * browser that calls it how many bytes the notes of its own login weigh. The {@code -Pbench} profile
 * packs it into a JAR of its own beside ours in the benchmark's Keycloak; the suite's servers never have it.
 */
public final class NotesProbeFactory implements RealmResourceProviderFactory {
    public static final String ID = "two-step-bench-probe";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new NotesProbeProvider(session);
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
        return ID;
    }
}
