package dev.twostep.core.method;

import java.util.Locale;

/** Every user has exactly one method in each role; the backup must differ from the primary. */
public enum MethodRole {
    PRIMARY, BACKUP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MethodRole fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
