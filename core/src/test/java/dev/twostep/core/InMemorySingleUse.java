package dev.twostep.core;

import java.util.HashMap;
import java.util.Map;

import org.keycloak.models.SingleUseObjectProvider;

/** Keycloak's single-use store in a map, for unit tests: entries never expire. */
public final class InMemorySingleUse implements SingleUseObjectProvider {
    private final Map<String, Map<String, String>> entries = new HashMap<>();

    /** Whether nothing was ever stored (or all was taken out again). */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Forgets everything, as if every lifespan had ended. */
    public void clear() {
        entries.clear();
    }

    @Override
    public void put(String key, long lifespanSeconds, Map<String, String> notes) {
        entries.put(key, notes);
    }

    @Override
    public Map<String, String> get(String key) {
        return entries.get(key);
    }

    @Override
    public Map<String, String> remove(String key) {
        return entries.remove(key);
    }

    @Override
    public boolean replace(String key, Map<String, String> notes) {
        return entries.replace(key, notes) != null;
    }

    @Override
    public boolean putIfAbsent(String key, long lifespanSeconds) {
        return entries.putIfAbsent(key, Map.of()) == null;
    }

    @Override
    public boolean contains(String key) {
        return entries.containsKey(key);
    }

    @Override
    public void close() {
    }
}
