package dev.twostep.recovery;

/** Where a recovery request stands; only a pending request can be decided. */
public enum RecoveryStatus {
    PENDING, APPROVED, REJECTED
}
