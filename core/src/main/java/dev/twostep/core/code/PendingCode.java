package dev.twostep.core.code;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

import org.keycloak.models.SingleUseObjectProvider;

import dev.twostep.core.policy.TwoStepPolicy;

/**
 * A one-time code that was sent and awaits its user, kept as notes of this login only: a salted hash (the
 * code itself is never stored), where it went, its expiry and the wrong tries so far. A slot name keeps two
 * codes of one login apart (the enrollment's primary and backup phone, say).
 */
public final class PendingCode {
    private static final String PREFIX = "two-step.code.";
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final NoteStore notes;
    private final String slot;
    private final Clock clock;

    public PendingCode(NoteStore notes, String slot, Clock clock) {
        this.notes = notes;
        this.slot = Objects.requireNonNull(slot);
        this.clock = clock;
    }

    public PendingCode(NoteStore notes, String slot) {
        this(notes, slot, Clock.systemUTC());
    }

    /**
     * Creates a new code for {@code target}, replacing any earlier one, and returns it for sending. The
     * wrong tries of a replaced code that is still alive carry over: asking for another code (or another
     * method) never buys more guesses; only a code spent by its tries starts a new count.
     */
    public String issue(String target, TwoStepPolicy policy, CodeGenerator generator) {
        long left = notes.get(key("hash")) == null ? 0 : number("tries", 0);
        // A code whose tries are all spent is dead: its count ends with it.
        String carried = left > 0 && left < policy.maxWrongTries() ? Long.toString(left) : null;
        String code = generator.next(policy.codeLength());
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Instant now = clock.instant();
        notes.put(key("hash"), B64.encodeToString(hash(salt, code)));
        notes.put(key("salt"), B64.encodeToString(salt));
        notes.put(key("target"), target);
        notes.put(key("expires"), Long.toString(now.plus(policy.codeLifetime()).toEpochMilli()));
        notes.put(key("tries"), carried == null ? "0" : carried);
        return code;
    }

    /** Where the pending code went (an E.164 number), or null when none is pending. */
    public String target() {
        return notes.get(key("hash")) == null ? null : notes.get(key("target"));
    }

    /** An opaque id of the pending code (its salt), unique per issued code; null when none is pending. */
    public String codeId() {
        return notes.get(key("hash")) == null ? null : notes.get(key("salt"));
    }

    /**
     * A public name of the pending code's delivery, safe to put in a page (it reveals nothing of the code or
     * its salt); null when none is pending.
     */
    public String deliveryId() {
        String salt = codeId();
        if (salt == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("delivery:" + salt).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * Checks a typed code. A match spends the code; a miss counts a try, and the last allowed miss spends
     * it too, so that guessing needs a new code (and a new send) every few tries.
     */
    public CodeCheck verify(String typed, TwoStepPolicy policy) {
        String storedHash = notes.get(key("hash"));
        String salt = notes.get(key("salt"));
        long expires = number("expires", -1);
        if (storedHash == null || salt == null || expires < 0) {
            // None sent, or one cleared by a request running alongside (the password grant's notes are shared).
            return CodeCheck.NONE;
        }
        if (clock.instant().toEpochMilli() > expires) {
            clear();
            return CodeCheck.EXPIRED;
        }
        int tries = (int) number("tries", 0);
        if (tries >= policy.maxWrongTries()) {
            clear();
            return CodeCheck.TOO_MANY_TRIES;
        }
        String normalised = typed == null ? "" : typed.replaceAll("[\\s-]", "");
        byte[] expected = B64D.decode(storedHash);
        byte[] actual = hash(B64D.decode(salt), normalised);
        if (MessageDigest.isEqual(expected, actual)) {
            clear();
            return CodeCheck.VALID;
        }
        tries++;
        notes.put(key("tries"), Integer.toString(tries));
        return CodeCheck.INVALID;
    }

    /**
     * {@link #verify}, where a match also claims the code in Keycloak's cluster-wide single-use store: two
     * submits racing on one login may both find the code in the notes, but only one claims it.
     */
    public CodeCheck verifyOnce(String typed, TwoStepPolicy policy, SingleUseObjectProvider claims) {
        String codeId = codeId();
        int place = codeId == null ? 0 : takeTry(codeId, policy, claims);
        if (codeId != null && place == 0) {
            clear();
            return CodeCheck.TOO_MANY_TRIES;
        }
        CodeCheck check = verify(typed, policy);
        if (check == CodeCheck.INVALID && place > number("tries", 0)) {
            // Tries taken by requests running alongside this one count too, also for a code sent next.
            notes.put(key("tries"), Integer.toString(place));
        }
        if (check == CodeCheck.VALID
                && !claims.putIfAbsent("two-step.spent." + codeId, policy.codeLifetime().toSeconds())) {
            return CodeCheck.NONE;
        }
        return check;
    }

    /**
     * Takes one numbered place among the code's tries in the cluster-wide single-use store. Guesses sent at
     * once on one login all read the same count from its notes, but each needs a place of its own, and
     * there are only as many places as tries: parallel guessing gets no more tries than typing one by one.
     * Returns the place taken, 0 when none is left.
     */
    private int takeTry(String codeId, TwoStepPolicy policy, SingleUseObjectProvider claims) {
        long lifetime = policy.codeLifetime().toSeconds();
        for (int place = (int) number("tries", 0) + 1; place <= policy.maxWrongTries(); place++) {
            if (claims.putIfAbsent("two-step.try." + codeId + "." + place, lifetime)) {
                return place;
            }
        }
        return 0;
    }

    /** A numeric part of the pending code, or {@code missing} when absent or unreadable. */
    private long number(String part, long missing) {
        String value = notes.get(key(part));
        if (value == null) {
            return missing;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return missing;
        }
    }

    /** Forgets the pending code, e.g. when the user goes back to change the number. */
    public void clear() {
        for (String part : new String[] {"hash", "salt", "target", "expires", "tries"}) {
            notes.remove(key(part));
        }
    }

    private String key(String part) {
        return PREFIX + slot + "." + part;
    }

    private static byte[] hash(byte[] salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
