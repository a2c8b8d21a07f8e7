package dev.twostep.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.twostep.core.InMemorySingleUse;

/** One turn per number and cooldown, shared by every caller; the owner's turn and strangers' are apart. */
class NumberCooldownTest {
    private static final String NUMBER = "+393471234567";
    private static final Duration COOLDOWN = Duration.ofSeconds(30);
    private final NumberCooldown cooldown = new NumberCooldown(new InMemorySingleUse());

    @Test
    void aSecondSendToTheNumberWaitsWhoeverAsks() {
        assertEquals(0, cooldown.left(NUMBER, true, COOLDOWN));
        assertTrue(cooldown.take(NUMBER, true, COOLDOWN));
        assertFalse(cooldown.take(NUMBER, true, COOLDOWN), "another sign-in, account or channel waits too");
        long left = cooldown.left(NUMBER, true, COOLDOWN);
        assertTrue(left > 0 && left <= 30, "seconds left: " + left);
        assertTrue(cooldown.take("+393479999999", true, COOLDOWN), "another number has its own turn");
    }

    @Test
    void strangersSendsNeverHoldUpTheOwner() {
        assertTrue(cooldown.take(NUMBER, false, COOLDOWN));
        assertFalse(cooldown.take(NUMBER, false, COOLDOWN), "strangers share one turn");
        assertEquals(0, cooldown.left(NUMBER, true, COOLDOWN));
        assertTrue(cooldown.take(NUMBER, true, COOLDOWN), "the owner's turn is apart");
    }

    @Test
    void noCooldownMeansEverySendGoes() {
        assertTrue(cooldown.take(NUMBER, true, Duration.ZERO));
        assertTrue(cooldown.take(NUMBER, true, Duration.ZERO));
    }
}
