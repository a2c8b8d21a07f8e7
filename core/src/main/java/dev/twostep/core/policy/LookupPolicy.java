package dev.twostep.core.policy;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import dev.twostep.core.lookup.LineType;

/**
 * What a number lookup decides (when the sender looks numbers up): which line types take which codes, the
 * highest SMS pumping risk still sent to, how recent a SIM change makes a primary phone untrusted, and how
 * long one lookup's answer is reused.
 */
public record LookupPolicy(Duration cacheFor, LineRule voip, LineRule tollFree, LineRule pager, LineRule unknown,
                           int pumpingRiskMax, Duration simSwapWindow) {

    /** What codes a line type may get. */
    public enum LineRule {
        ALLOW("allow"),
        VOICE_ONLY("voice"),
        REFUSE("refuse");

        private final String id;

        LineRule(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<LineRule> fromId(String id) {
            if (id == null) {
                return Optional.empty();
            }
            String wanted = id.trim().toLowerCase(Locale.ROOT);
            for (LineRule rule : values()) {
                if (rule.id.equals(wanted)) {
                    return Optional.of(rule);
                }
            }
            return Optional.empty();
        }
    }

    public LookupPolicy {
        if (cacheFor.isNegative() || cacheFor.isZero()) {
            throw new IllegalArgumentException("a lookup must be kept for some time");
        }
        if (pumpingRiskMax < 0 || pumpingRiskMax > 100) {
            throw new IllegalArgumentException("the SMS pumping risk score runs from 0 to 100");
        }
        if (simSwapWindow.isNegative()) {
            throw new IllegalArgumentException("the SIM-change window cannot be negative");
        }
    }

    /**
     * The rule of {@code type}. Mobiles take everything; a landline or a voicemail box cannot read a text,
     * so it takes calls only (the help pages allow a landline for calls); premium-rate lines never get a code.
     */
    public LineRule ruleFor(LineType type) {
        return switch (type) {
            case MOBILE -> LineRule.ALLOW;
            case LANDLINE, VOICEMAIL -> LineRule.VOICE_ONLY;
            case PREMIUM -> LineRule.REFUSE;
            case VOIP -> voip;
            case TOLL_FREE -> tollFree;
            case PAGER -> pager;
            case UNKNOWN -> unknown;
        };
    }

    /** Zero hours turns the SIM-change check off. */
    public boolean checksSimSwaps() {
        return !simSwapWindow.isZero();
    }

    public static LookupPolicy defaults() {
        // VoIP lines get texts, and many small sellers use one for the business: the risk score and the send
        // limits catch the pumped ones. Toll-free lines mostly cannot take texts but ring. Pagers show a code
        // to whoever holds them and cannot take a call. "Unknown" is mostly coverage gaps: allowed.
        return new LookupPolicy(Duration.ofHours(24), LineRule.ALLOW, LineRule.VOICE_ONLY, LineRule.REFUSE,
                LineRule.ALLOW, 80, Duration.ofHours(72));
    }
}
