package dev.twostep.core.code;

/**
 * Where per-login state lives. In the server it is the authentication session (shared by every cluster
 * node); in unit tests a plain map. Keeping codes behind this interface keeps them out of JVM memory.
 */
public interface NoteStore {
    String get(String key);

    void put(String key, String value);

    void remove(String key);
}
