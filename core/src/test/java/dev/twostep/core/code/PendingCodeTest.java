package dev.twostep.core.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

import dev.twostep.core.InMemorySingleUse;
import dev.twostep.core.policy.TwoStepPolicy;

class PendingCodeTest {
    private final TwoStepPolicy policy = TwoStepPolicy.defaults();
    private final MapNotes notes = new MapNotes();
    private final MutableClock clock = new MutableClock();
    private final PendingCode pending = new PendingCode(notes, "primary", clock);

    @Test
    void generatedCodesHaveTheConfiguredLengthAndVary() {
        CodeGenerator generator = new CodeGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = generator.next(6);
            assertTrue(code.matches("\\d{6}"), code);
            seen.add(code);
        }
        assertTrue(seen.size() > 190, "codes repeat far too often: " + seen.size());
    }

    @Test
    void theCodeIsNeverStoredInClear() {
        String code = pending.issue("+393471234567", policy, new CodeGenerator());
        assertFalse(notes.map.values().stream().anyMatch(v -> v.contains(code)));
        assertEquals("+393471234567", pending.target());
    }

    @Test
    void rightCodeIsAcceptedOnceOnly() {
        String code = pending.issue("+393471234567", policy, new CodeGenerator());
        assertEquals(CodeCheck.VALID, pending.verify(code, policy));
        assertEquals(CodeCheck.NONE, pending.verify(code, policy));
        assertNull(pending.target());
    }

    @Test
    void aCodeHalfClearedByARequestAlongsideIsNoCodeNotAnError() {
        String code = pending.issue("+393471234567", policy, new CodeGenerator());
        notes.map.keySet().removeIf(key -> key.endsWith("expires") || key.endsWith("tries"));
        assertEquals(CodeCheck.NONE, pending.verify(code, policy));
    }

    @Test
    void aResendKeepsTheCountOfWrongTries() {
        CodeGenerator generator = new CodeGenerator();
        String first = pending.issue("+393471234567", policy, generator);
        for (int i = 0; i < 3; i++) {
            assertEquals(CodeCheck.INVALID, pending.verify(wrong(first), policy));
        }
        String second = pending.issue("+393471234567", policy, generator);
        assertEquals(CodeCheck.INVALID, pending.verify(wrong(second), policy));
        assertEquals(CodeCheck.INVALID, pending.verify(wrong(second), policy));
        assertEquals(CodeCheck.TOO_MANY_TRIES, pending.verify(second, policy), "five wrong tries in all");

        // A code spent by its tries is gone: the next one starts a new count, even before the dead code was
        // tried once more.
        String third = pending.issue("+393471234567", policy, generator);
        for (int i = 0; i < 5; i++) {
            assertEquals(CodeCheck.INVALID, pending.verify(wrong(third), policy));
        }
        third = pending.issue("+393471234567", policy, generator);
        assertEquals(CodeCheck.INVALID, pending.verify(wrong(third), policy));
        assertEquals(CodeCheck.VALID, pending.verify(third, policy));
    }

    private static String wrong(String right) {
        return right.equals("000000") ? "111111" : "000000";
    }

    @Test
    void spacesAndDashesTypedInTheCodeAreIgnored() {
        String code = pending.issue("+393471234567", policy, new CodeGenerator());
        assertEquals(CodeCheck.VALID, pending.verify(code.substring(0, 3) + " " + code.substring(3), policy));
    }

    @Test
    void wrongCodesAreCountedAndTheLimitSpendsTheCode() {
        String code = pending.issue("+393471234567", policy, fixed("123456"));
        for (int i = 0; i < policy.maxWrongTries(); i++) {
            assertEquals(CodeCheck.INVALID, pending.verify("000000", policy));
        }
        assertEquals(CodeCheck.TOO_MANY_TRIES, pending.verify(code, policy));
        assertEquals(CodeCheck.NONE, pending.verify(code, policy));
    }

    @Test
    void anExpiredCodeIsRefusedEvenWhenRight() {
        String code = pending.issue("+393471234567", policy, new CodeGenerator());
        clock.advance(policy.codeLifetime().plusSeconds(1));
        assertEquals(CodeCheck.EXPIRED, pending.verify(code, policy));
    }

    @Test
    void aNewCodeReplacesTheOldOne() {
        String first = pending.issue("+393471234567", policy, fixed("111111"));
        String second = pending.issue("+393471234567", policy, fixed("222222"));
        assertEquals(CodeCheck.INVALID, pending.verify(first, policy));
        assertEquals(CodeCheck.VALID, pending.verify(second, policy));
    }

    @Test
    void slotsDoNotSeeEachOthersCodes() {
        PendingCode other = new PendingCode(notes, "backup", clock);
        String code = pending.issue("+393471234567", policy, new CodeGenerator());
        assertEquals(CodeCheck.NONE, other.verify(code, policy));
    }

    @Test
    void ofTwoRacingSubmitsOfTheRightCodeOnlyOneClaimsIt() {
        String code = pending.issue("+393471234567", policy, new CodeGenerator());
        // Both requests read the login's notes before either removed the code.
        MapNotes copy = new MapNotes();
        copy.map.putAll(notes.map);
        PendingCode racing = new PendingCode(copy, "primary", clock);
        SingleUseObjectProvider store = new InMemorySingleUse();
        assertEquals(CodeCheck.VALID, pending.verifyOnce(code, policy, store));
        assertEquals(CodeCheck.NONE, racing.verifyOnce(code, policy, store));
    }

    @Test
    void guessesSentAtOnceGetNoMoreTriesThanGuessesOneByOne() {
        String code = pending.issue("+393471234567", policy, new CodeGenerator());
        SingleUseObjectProvider store = new InMemorySingleUse();
        // Twenty requests of one login, each having read the notes before any of them counted a try.
        int wrongAnswers = 0;
        int refused = 0;
        for (int i = 0; i < 20; i++) {
            MapNotes copy = new MapNotes();
            copy.map.putAll(notes.map);
            CodeCheck check = new PendingCode(copy, "primary", clock).verifyOnce(wrong(code), policy, store);
            wrongAnswers += check == CodeCheck.INVALID ? 1 : 0;
            refused += check == CodeCheck.TOO_MANY_TRIES ? 1 : 0;
        }
        assertEquals(policy.maxWrongTries(), wrongAnswers);
        assertEquals(20 - policy.maxWrongTries(), refused);
        MapNotes late = new MapNotes();
        late.map.putAll(notes.map);
        assertEquals(CodeCheck.TOO_MANY_TRIES, new PendingCode(late, "primary", clock).verifyOnce(code, policy, store),
                "the right code comes too late once every place is taken");
    }

    @Test
    void triesTakenAlongsideCarryOverToTheNextCode() {
        CodeGenerator generator = new CodeGenerator();
        String first = pending.issue("+393471234567", policy, generator);
        SingleUseObjectProvider store = new InMemorySingleUse();
        // Three requests at once: each saw no try counted; the last to write its notes wins, with its place.
        MapNotes last = null;
        for (int i = 0; i < 3; i++) {
            last = new MapNotes();
            last.map.putAll(notes.map);
            assertEquals(CodeCheck.INVALID, new PendingCode(last, "primary", clock).verifyOnce(wrong(first), policy, store));
        }
        PendingCode after = new PendingCode(last, "primary", clock);
        String second = after.issue("+393471234567", policy, generator);
        assertEquals(CodeCheck.INVALID, after.verifyOnce(wrong(second), policy, store));
        assertEquals(CodeCheck.INVALID, after.verifyOnce(wrong(second), policy, store));
        assertEquals(CodeCheck.TOO_MANY_TRIES, after.verifyOnce(second, policy, store), "3 + 2 tries in all");
    }

    @Test
    void oneByOneTheRightCodeStillPassesOnTheLastTry() {
        String code = pending.issue("+393471234567", policy, new CodeGenerator());
        SingleUseObjectProvider store = new InMemorySingleUse();
        for (int i = 1; i < policy.maxWrongTries(); i++) {
            assertEquals(CodeCheck.INVALID, pending.verifyOnce(wrong(code), policy, store));
        }
        assertEquals(CodeCheck.VALID, pending.verifyOnce(code, policy, store));
    }

    @Test
    void policyRefusesLifetimesBeyondTenMinutes() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TwoStepPolicy(6, Duration.ofMinutes(11), 5, Duration.ofSeconds(30), Duration.ofDays(90), 10, 10, 20,
                        java.util.Set.of(), null, null));
    }

    private static CodeGenerator fixed(String code) {
        // A generator whose random source yields the given digits, to test replacement deterministically.
        return new CodeGenerator(new SecureRandom() {
            private int i;

            @Override
            public int nextInt(int bound) {
                return code.charAt(i++ % code.length()) - '0';
            }
        });
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
