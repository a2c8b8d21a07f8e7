package dev.twostep.core.delivery;

/**
 * A code could not be sent. {@code messageKey} is what the user is shown (a message-bundle key); the
 * exception message is for the server log only and must hold no code and no full number.
 */
public class DeliveryException extends Exception {
    private final String messageKey;

    public DeliveryException(String messageKey, String logDetail, Throwable cause) {
        super(logDetail, cause);
        this.messageKey = messageKey;
    }

    public DeliveryException(String messageKey, String logDetail) {
        this(messageKey, logDetail, null);
    }

    public String messageKey() {
        return messageKey;
    }
}
