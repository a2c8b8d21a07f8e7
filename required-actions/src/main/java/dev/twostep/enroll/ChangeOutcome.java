package dev.twostep.enroll;

import dev.twostep.core.kind.MethodRole;

/** Where a method change from Advanced Security Settings returns to, once saved or given up. */
public interface ChangeOutcome {
    /** The new method is verified (or, for a backup, saved unverified) and stored in {@code role}. */
    void saved(MethodRole role);

    /** The seller left the change; nothing was stored. */
    void cancelled();
}
