package dev.twostep.core.code;

/** What checking a typed code found; each outcome has its own message for the user. */
public enum CodeCheck {
    /** The code matched, and it is now spent. */
    VALID,
    /** Wrong code; more tries remain. */
    INVALID,
    /** The code's lifetime is over; a new one must be sent. */
    EXPIRED,
    /** Too many wrong tries for this code; a new one must be sent. */
    TOO_MANY_TRIES,
    /** No code was issued to this login (or it was already used). */
    NONE
}
