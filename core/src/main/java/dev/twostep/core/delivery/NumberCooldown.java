package dev.twostep.core.delivery;

import java.time.Duration;
import java.util.Map;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * The resend cooldown of one phone number, kept in Keycloak's single-use store so that it holds across
 * sign-ins, accounts, channels and cluster nodes: a script that signs in again and again, or alternates
 * text messages and voice calls, gets no more than one message per cooldown through to the phone.
 * A number its user proved and a number nobody proved for the sender have separate turns, so sends to an
 * unproven number (anyone can type a stranger's number at enrollment) never hold up the owner's codes.
 */
public final class NumberCooldown {
    private static final String PREFIX = "two-step.cooldown.";
    private static final String SENT_AT = "sentAt";

    private final SingleUseObjectProvider store;

    public NumberCooldown(SingleUseObjectProvider store) {
        this.store = store;
    }

    /** Seconds before {@code number} may get another message; 0 when it may now. */
    public long left(String number, boolean proven, Duration cooldown) {
        Map<String, String> turn = store.get(key(number, proven) + ".at");
        if (turn == null) {
            return store.contains(key(number, proven)) ? Math.max(1, cooldown.toSeconds()) : 0;
        }
        long until = Long.parseLong(turn.get(SENT_AT)) + cooldown.toMillis();
        long left = until - System.currentTimeMillis();
        return left <= 0 ? 0 : Math.max(1, (left + 999) / 1000);
    }

    /** Takes the number's turn for a message; false when another send (anywhere) has it. */
    public boolean take(String number, boolean proven, Duration cooldown) {
        long seconds = cooldown.toSeconds();
        if (seconds <= 0) {
            return true;
        }
        if (!store.putIfAbsent(key(number, proven), seconds)) {
            return false;
        }
        store.put(key(number, proven) + ".at", seconds, Map.of(SENT_AT, Long.toString(System.currentTimeMillis())));
        return true;
    }

    private static String key(String number, boolean proven) {
        return PREFIX + (proven ? "proven." : "unproven.") + number;
    }
}
