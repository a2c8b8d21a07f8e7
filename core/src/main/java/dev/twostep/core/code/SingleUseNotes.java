package dev.twostep.core.code;

import java.time.Duration;
import java.util.Map;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * A {@link NoteStore} in Keycloak's cluster-wide single-use object store, for codes that must outlive one
 * request without an authentication session (the password grant's two calls). Every note expires.
 */
public final class SingleUseNotes implements NoteStore {
    private static final String VALUE = "v";

    private final SingleUseObjectProvider store;
    private final long lifespanSeconds;

    public SingleUseNotes(SingleUseObjectProvider store, Duration lifespan) {
        this.store = store;
        this.lifespanSeconds = lifespan.toSeconds();
    }

    @Override
    public String get(String key) {
        Map<String, String> notes = store.get(key);
        return notes == null ? null : notes.get(VALUE);
    }

    @Override
    public void put(String key, String value) {
        store.put(key, lifespanSeconds, Map.of(VALUE, value));
    }

    @Override
    public void remove(String key) {
        store.remove(key);
    }
}
