package dev.twostep.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.SingleUseObjectProvider;

import dev.twostep.core.lookup.LineType;
import dev.twostep.core.lookup.NumberFacts;

/**
 * Lookup answers in Keycloak's single-use object store, so every node reuses one paid lookup per number for
 * the policy's time; and a failed lookup, so that a Lookup outage costs one attempt per number per pause,
 * not one per page.
 */
final class LookupCache {
    private static final String PREFIX = "two-step.lookup.";
    private static final String TYPE = "type";
    private static final String RISK = "risk";
    private static final String SWAPPED_AT = "swappedAt";
    private static final String SWAPPED = "swapped";
    private static final String FAILED = "failed";

    /** What the store holds for a number: its facts, or that the last lookup failed (no facts). */
    record Entry(Optional<NumberFacts> facts) {
    }

    private final SingleUseObjectProvider store;

    LookupCache(SingleUseObjectProvider store) {
        this.store = store;
    }

    Optional<Entry> get(String e164) {
        Map<String, String> stored = store.get(PREFIX + e164);
        if (stored == null) {
            return Optional.empty();
        }
        if (stored.containsKey(FAILED)) {
            return Optional.of(new Entry(Optional.empty()));
        }
        try {
            LineType type = LineType.valueOf(stored.getOrDefault(TYPE, LineType.UNKNOWN.name()));
            Integer risk = stored.containsKey(RISK) ? Integer.valueOf(stored.get(RISK)) : null;
            Instant swappedAt = stored.containsKey(SWAPPED_AT)
                    ? Instant.ofEpochSecond(Long.parseLong(stored.get(SWAPPED_AT))) : null;
            return Optional.of(new Entry(Optional.of(new NumberFacts(type, risk, swappedAt,
                    Boolean.parseBoolean(stored.get(SWAPPED))))));
        } catch (IllegalArgumentException e) {
            // Written by another version, or damaged: ask again rather than guess.
            return Optional.empty();
        }
    }

    void remember(String e164, NumberFacts facts, Duration lifespan) {
        Map<String, String> stored = new HashMap<>();
        stored.put(TYPE, facts.lineType().name());
        if (facts.pumpingRisk() != null) {
            stored.put(RISK, Integer.toString(facts.pumpingRisk()));
        }
        if (facts.lastSimSwap() != null) {
            stored.put(SWAPPED_AT, Long.toString(facts.lastSimSwap().getEpochSecond()));
        }
        stored.put(SWAPPED, Boolean.toString(facts.swappedInPeriod()));
        store.put(PREFIX + e164, lifespan.toSeconds(), stored);
    }

    void rememberFailure(String e164, Duration pause) {
        store.put(PREFIX + e164, pause.toSeconds(), Map.of(FAILED, "1"));
    }
}
