package dev.twostep.recovery.request;

/**
 * Where a recovery request stands. A draft collects documents while the seller is still on the upload page
 * (so nothing already uploaded is lost when one file is refused); only a pending request can be decided. A
 * pending request is withdrawn when the seller signs in with a code after all: there is nothing to recover.
 */
public enum RecoveryStatus {
    DRAFT, PENDING, APPROVED, REJECTED, WITHDRAWN
}
