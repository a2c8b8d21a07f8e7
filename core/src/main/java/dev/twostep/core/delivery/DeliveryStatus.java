package dev.twostep.core.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * What became of a code sent in the background, kept in Keycloak's single-use object store under the
 * code's delivery id so that any cluster node (and the page's status check) can read it. No record yet
 * means the message is still on its way.
 */
public final class DeliveryStatus {
    public enum State { SENDING, SENT, FAILED }

    /** The state, and for a failure the message key to show the seller. */
    public record Outcome(State state, String messageKey) {
    }

    private static final String PREFIX = "two-step.delivery.";

    private final SingleUseObjectProvider store;

    public DeliveryStatus(SingleUseObjectProvider store) {
        this.store = store;
    }

    public void sent(String deliveryId, long lifetimeSeconds) {
        store.put(PREFIX + deliveryId, lifetimeSeconds, Map.of("state", State.SENT.name()));
    }

    public void failed(String deliveryId, String messageKey, long lifetimeSeconds) {
        Map<String, String> notes = new HashMap<>();
        notes.put("state", State.FAILED.name());
        notes.put("messageKey", messageKey);
        store.put(PREFIX + deliveryId, lifetimeSeconds, notes);
    }

    public Outcome of(String deliveryId) {
        Map<String, String> notes = deliveryId == null ? null : store.get(PREFIX + deliveryId);
        if (notes == null || notes.get("state") == null) {
            return new Outcome(State.SENDING, null);
        }
        return new Outcome(State.valueOf(notes.get("state")), notes.get("messageKey"));
    }

    /** The message key of a failed delivery, empty while sending or once sent. */
    public Optional<String> failure(String deliveryId) {
        Outcome outcome = of(deliveryId);
        return outcome.state() == State.FAILED ? Optional.ofNullable(outcome.messageKey()) : Optional.empty();
    }
}
