package dev.twostep.core.kind;

import java.util.Locale;

/** Every user has exactly one method in each role; the backup must differ from the primary. */
public enum MethodRole {
    PRIMARY, BACKUP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role that must hold a different method from this one. */
    public MethodRole other() {
        return this == PRIMARY ? BACKUP : PRIMARY;
    }

    public static MethodRole fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
