package dev.twostep.core.delivery;

import java.util.Optional;

import org.keycloak.provider.Provider;

import dev.twostep.core.lookup.LookupException;
import dev.twostep.core.lookup.NumberFacts;

/**
 * Sends a code to a phone. Flows only ever talk to this interface, so the real gateway (Twilio) and the
 * dev outbox are swapped by configuration, never by code changes. A gateway may also say what it knows of a
 * number before a message is paid for (Twilio Lookup); the same credentials and connections serve both.
 */
public interface CodeSender extends Provider {
    void send(OutgoingMessage message) throws DeliveryException;

    /** Whether {@link #lookUp} asks anything: false skips the lookup cache too. */
    default boolean looksUpNumbers() {
        return false;
    }

    /**
     * What the gateway knows of {@code e164} (one paid request; callers cache it), or empty when this sender
     * looks nothing up. Throws when the lookup got no answer in its time.
     */
    default Optional<NumberFacts> lookUp(String e164) throws LookupException {
        return Optional.empty();
    }

    @Override
    default void close() {
    }
}
