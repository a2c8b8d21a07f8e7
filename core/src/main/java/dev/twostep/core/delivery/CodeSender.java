package dev.twostep.core.delivery;

import org.keycloak.provider.Provider;

/**
 * Sends a code to a phone. Flows only ever talk to this interface, so the real gateway (Twilio) and the
 * dev outbox are swapped by configuration, never by code changes.
 */
public interface CodeSender extends Provider {
    void send(OutgoingMessage message) throws DeliveryException;

    @Override
    default void close() {
    }
}
