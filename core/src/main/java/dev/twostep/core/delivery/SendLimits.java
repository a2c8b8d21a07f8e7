package dev.twostep.core.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * Limits on messages that hold across sign-ins and cluster nodes: Keycloak's single-use object store
 * (replicated, with lifespans) keeps one entry per message sent, so a limit of N is N entries alive in
 * the window. Each message costs money and can be abused to pump premium traffic.
 */
public final class SendLimits {
    private static final String PREFIX = "two-step.sends.";
    private static final int RANDOM_PICKS = 3;
    /** How long a spent budget answers "no" without a scan: a freed slot waits at most this long. */
    private static final Duration SPENT_MARK = Duration.ofMinutes(1);

    private final SingleUseObjectProvider store;

    public SendLimits(SingleUseObjectProvider store) {
        this.store = store;
    }

    /**
     * Takes one message from the budget of {@code subject} ({@code limit} per {@code window}); false when
     * the budget is spent, and then nothing is taken.
     * <p>
     * Each store call is a round trip to the replicated cache on a cluster, so slots are probed from a
     * random one (a few random picks, then in turn from the last): a budget used to a fraction f costs about
     * 1/(1-f) calls, not one per message already sent. A full scan that finds nothing leaves a short-lived
     * mark, so refusals under a flood cost two calls, not {@code limit}; a slot that expires meanwhile is
     * still found by the first random pick.
     */
    public boolean take(String subject, int limit, Duration window) {
        String slots = PREFIX + subject + "#";
        long lifespan = window.toSeconds();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int slot = random.nextInt(limit);
        if (store.putIfAbsent(slots + slot, lifespan)) {
            return true;
        }
        // Keyed by the limit: an admin who raises it gets the new budget at once, not after the mark expires.
        String spent = PREFIX + subject + ".spent." + limit;
        if (store.contains(spent)) {
            return false;
        }
        for (int pick = 1; pick < RANDOM_PICKS && pick < limit; pick++) {
            slot = random.nextInt(limit);
            if (store.putIfAbsent(slots + slot, lifespan)) {
                return true;
            }
        }
        for (int step = 1; step < limit; step++) {
            if (store.putIfAbsent(slots + (slot + step) % limit, lifespan)) {
                return true;
            }
        }
        store.putIfAbsent(spent, Math.min(lifespan, SPENT_MARK.toSeconds()));
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
