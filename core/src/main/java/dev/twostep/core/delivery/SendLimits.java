package dev.twostep.core.delivery;

import java.time.Duration;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * Limits on messages that hold across sign-ins and cluster nodes: Keycloak's single-use object store
 * (replicated, with lifespans) keeps one entry per message sent, so a limit of N is N entries alive in
 * the window. Each message costs money and can be abused to pump premium traffic.
 */
public final class SendLimits {
    private static final String PREFIX = "two-step.sends.";

    private final SingleUseObjectProvider store;

    public SendLimits(SingleUseObjectProvider store) {
        this.store = store;
    }

    /**
     * Takes one message from the budget of {@code subject} ({@code limit} per {@code window}); false when
     * the budget is spent, and then nothing is taken.
     */
    public boolean take(String subject, int limit, Duration window) {
        for (int slot = 0; slot < limit; slot++) {
            if (store.putIfAbsent(PREFIX + subject + "#" + slot, window.toSeconds())) {
                return true;
            }
        }
        return false;
    }

    public static String user(String realmId, String userId) {
        return "user." + realmId + "." + userId;
    }

    public static String address(String realmId, String ip) {
        return "address." + realmId + "." + ip;
    }

    /** The daily budget of a number its user proved: only that user's sign-ins and calls spend it. */
    public static String number(String e164) {
        return "number." + e164;
    }

    /**
     * The daily budget of sends to a number nobody proved for the sender (typed at enrollment, a backup saved
     * without a code): apart from the owner's, so strangers typing it can never use the owner's budget up.
     */
    public static String unprovenNumber(String e164) {
        return "unproven-number." + e164;
    }
}
