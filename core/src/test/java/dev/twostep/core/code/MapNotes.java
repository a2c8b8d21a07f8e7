package dev.twostep.core.code;

import java.util.HashMap;
import java.util.Map;

/** A {@link NoteStore} in a map, standing in for the authentication session in unit tests. */
final class MapNotes implements NoteStore {
    final Map<String, String> map = new HashMap<>();

    @Override
    public String get(String key) {
        return map.get(key);
    }

    @Override
    public void put(String key, String value) {
        map.put(key, value);
    }

    @Override
    public void remove(String key) {
        map.remove(key);
    }
}
