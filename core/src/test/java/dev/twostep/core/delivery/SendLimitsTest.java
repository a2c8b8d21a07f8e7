package dev.twostep.core.delivery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

import dev.twostep.core.InMemorySingleUse;

/** A budget of N messages gives exactly N, whatever slots its random probes hit, and refuses cheaply. */
class SendLimitsTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private final CountingStore store = new CountingStore();
    private final SendLimits limits = new SendLimits(store);

    @RepeatedTest(20)
    void aBudgetGivesExactlyItsLimit() {
        for (int sent = 0; sent < 7; sent++) {
            assertTrue(limits.take("user.r.u", 7, HOUR), "message " + (sent + 1) + " of 7");
        }
        assertFalse(limits.take("user.r.u", 7, HOUR), "the eighth is refused");
        assertTrue(limits.take("user.r.other", 7, HOUR), "another subject has its own budget");
    }

    @Test
    void aLargeBudgetHalfUsedCostsAFewCallsPerMessage() {
        for (int sent = 0; sent < 500; sent++) {
            assertTrue(limits.take("address.r.10.0.0.1", 1000, HOUR));
        }
        assertTrue(store.calls.get() < 500 * 4, "store calls for 500 messages: " + store.calls.get());
    }

    @Test
    void refusalsOfASpentBudgetDoNotScanIt() {
        for (int sent = 0; sent < 60; sent++) {
            assertTrue(limits.take("address.r.10.0.0.2", 60, HOUR));
        }
        assertFalse(limits.take("address.r.10.0.0.2", 60, HOUR), "spent, found by one full scan");
        store.calls.set(0);
        for (int flood = 0; flood < 100; flood++) {
            assertFalse(limits.take("address.r.10.0.0.2", 60, HOUR));
        }
        assertTrue(store.calls.get() <= 300, "store calls for 100 refusals (three each, not sixty): " + store.calls.get());
    }

    @Test
    void aRaisedLimitCountsAtOnceAfterARefusal() {
        assertTrue(limits.take("address.r.10.0.0.3", 1, HOUR));
        assertFalse(limits.take("address.r.10.0.0.3", 1, HOUR), "spent at a limit of one");
        assertTrue(limits.take("address.r.10.0.0.3", 2, HOUR), "the admin raised the limit: the next goes out");
        assertFalse(limits.take("address.r.10.0.0.3", 2, HOUR), "and the raised budget is spent in turn");
    }

    @Test
    void aLoweredLimitCountsWhatWasSentUnderTheHigherOne() {
        for (int sent = 0; sent < 3; sent++) {
            assertTrue(limits.take("unproven-number.+393471234567", 10, HOUR));
        }
        assertFalse(limits.take("unproven-number.+393471234567", 3, HOUR), "three sent, three allowed now");
        assertFalse(limits.take("unproven-number.+393471234567", 2, HOUR));
        assertTrue(limits.take("unproven-number.+393471234567", 4, HOUR), "one more under a limit of four");
        assertFalse(limits.take("unproven-number.+393471234567", 4, HOUR));
    }

    @Test
    void aSlotWhoseLifespanEndedIsFoundAgain() {
        for (int sent = 0; sent < 5; sent++) {
            assertTrue(limits.take("user.r.expiring", 5, HOUR));
        }
        store.remove("two-step.sends.user.r.expiring#0"); // its hour is over
        assertTrue(limits.take("user.r.expiring", 5, HOUR), "the scan wraps around to the freed slot");
        assertFalse(limits.take("user.r.expiring", 5, HOUR));
    }

    /** The in-memory store, counting the calls each of which would be a round trip on a cluster. */
    private static final class CountingStore implements SingleUseObjectProvider {
        private final InMemorySingleUse entries = new InMemorySingleUse();
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            calls.incrementAndGet();
            entries.put(key, lifespanSeconds, notes);
        }

        @Override
        public Map<String, String> get(String key) {
            calls.incrementAndGet();
            return entries.get(key);
        }

        @Override
        public Map<String, String> remove(String key) {
            calls.incrementAndGet();
            return entries.remove(key);
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            calls.incrementAndGet();
            return entries.replace(key, notes);
        }

        @Override
        public boolean putIfAbsent(String key, long lifespanSeconds) {
            calls.incrementAndGet();
            return entries.putIfAbsent(key, lifespanSeconds);
        }

        @Override
        public boolean contains(String key) {
            calls.incrementAndGet();
            return entries.contains(key);
        }

        @Override
        public void close() {
        }
    }
}
