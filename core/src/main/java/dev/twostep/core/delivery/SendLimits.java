package dev.twostep.core.delivery;

import java.time.Duration;
import java.util.Map;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * Limits on messages that hold across sign-ins and cluster nodes: Keycloak's single-use object store
 * (replicated, with lifespans) keeps one entry per message sent, so a limit of N is N entries alive in
 * the window. Each message costs money and can be abused to pump premium traffic.
 */
public final class SendLimits {
    private static final String PREFIX = "two-step.sends.";
    private static final String NEXT = "next";
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
     * Each store call is a round trip to the replicated cache on a cluster, so the scan starts at the slot
     * after the last one taken (a shared hint: a race only costs a probe, the slots themselves are taken
     * atomically) instead of at the first, and wraps around to find slots whose lifespans ended. Slots fill
     * from the lowest, so a limit lowered mid-window still counts what was sent under the higher one. A full
     * scan that finds nothing leaves a short-lived mark, so refusals under a flood cost three calls, not
     * {@code limit}.
     */
    public boolean take(String subject, int limit, Duration window) {
        String slots = PREFIX + subject + "#";
        String hintKey = PREFIX + subject + ".next";
        long lifespan = window.toSeconds();
        int start = Math.floorMod(hint(store.get(hintKey)), limit);
        if (claim(slots, start, lifespan, hintKey)) {
            return true;
        }
        // Keyed by the limit: an admin who raises it gets the new budget at once, not after the mark expires.
        String spent = PREFIX + subject + ".spent." + limit;
        if (store.contains(spent)) {
            return false;
        }
        for (int step = 1; step < limit; step++) {
            if (claim(slots, (start + step) % limit, lifespan, hintKey)) {
                return true;
            }
        }
        store.putIfAbsent(spent, Math.min(lifespan, SPENT_MARK.toSeconds()));
        return false;
    }

    private boolean claim(String slots, int slot, long lifespan, String hintKey) {
        if (!store.putIfAbsent(slots + slot, lifespan)) {
            return false;
        }
        store.put(hintKey, lifespan, Map.of(NEXT, Integer.toString(slot + 1)));
        return true;
    }

    private static int hint(Map<String, String> stored) {
        try {
            return stored == null ? 0 : Integer.parseInt(stored.getOrDefault(NEXT, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static String user(String realmId, String userId) {
        return "user." + realmId + "." + userId;
    }

    public static String address(String realmId, String ip) {
        return "address." + realmId + "." + ip;
    }

    /** The hourly budget of number lookups one user's pages may cause: each is paid, like a message. */
    public static String lookupsOf(String realmId, String userId) {
        return "lookups.user." + realmId + "." + userId;
    }

    /** The hourly budget of number lookups from one IP address, across users. */
    public static String lookupsFrom(String realmId, String ip) {
        return "lookups.address." + realmId + "." + ip;
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
