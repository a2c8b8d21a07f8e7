package dev.twostep.core.code;

/** What checking a typed code found; each outcome but a match has its own message for the user. */
public enum CodeCheck {
    /** The code matched, and it is now spent. */
    VALID(null),
    /** Wrong code; more tries remain. */
    INVALID("twoStepCodeInvalid"),
    /** The code's lifetime is over; a new one must be sent. */
    EXPIRED("twoStepCodeExpired"),
    /** Too many wrong tries for this code; a new one must be sent. */
    TOO_MANY_TRIES("twoStepCodeTooManyTries"),
    /** No code was issued to this login (or it was already used). */
    NONE("twoStepCodeNone");

    private final String messageKey;

    CodeCheck(String messageKey) {
        this.messageKey = messageKey;
    }

    /** The message bundle key that tells the user what went wrong; null for {@link #VALID}. */
    public String messageKey() {
        return messageKey;
    }

    public boolean valid() {
        return this == VALID;
    }
}
