package dev.twostep.core.lookup;

import java.time.Duration;
import java.time.Instant;

/**
 * What a lookup service said of a number when it was asked. {@code pumpingRisk} (0 to 100) is null where
 * the account has no such score; {@code lastSimSwap} is null where the carrier gives no date, and then
 * {@code swappedInPeriod} is the carrier's yes or no for its own period.
 */
public record NumberFacts(LineType lineType, Integer pumpingRisk, Instant lastSimSwap, boolean swappedInPeriod) {

    public NumberFacts {
        lineType = lineType == null ? LineType.UNKNOWN : lineType;
    }

    /**
     * Whether the SIM behind the number changed within {@code window} before {@code now}. Without a date,
     * the carrier's "swapped in its period" counts as a recent change: its period may be longer than
     * {@code window}, but treating the phone as changed only costs the seller their backup method.
     */
    public boolean simChangedWithin(Duration window, Instant now) {
        if (window.isZero() || window.isNegative()) {
            return false;
        }
        if (lastSimSwap != null) {
            return lastSimSwap.isAfter(now.minus(window));
        }
        return swappedInPeriod;
    }
}
