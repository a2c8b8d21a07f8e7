package dev.twostep.core.delivery.twilio;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.lookups.v2.PhoneNumber;

import dev.twostep.core.lookup.LineType;
import dev.twostep.core.lookup.LookupException;
import dev.twostep.core.lookup.NumberFacts;

/**
 * Twilio Lookup v2 through the SDK: the packages the account has (line type, SMS pumping risk, SIM swap),
 * one GET per number, on its own short deadline so a slow Lookup never holds a sign-in for long.
 */
final class TwilioLookup {
    static final URI LOOKUPS_API = URI.create("https://lookups.twilio.com");
    static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(1500);

    /** A Lookup data package, as the {@code lookup} option names it and as Twilio's {@code Fields} does. */
    enum Package {
        LINE_TYPE("line-type", "line_type_intelligence"),
        SMS_PUMPING_RISK("sms-pumping-risk", "sms_pumping_risk"),
        SIM_SWAP("sim-swap", "sim_swap");

        final String option;
        final String field;

        Package(String option, String field) {
            this.option = option;
            this.field = field;
        }
    }

    /** The packages of an option value such as {@code line-type,sms-pumping-risk}; unknown names are problems. */
    record Packages(Set<Package> chosen, List<String> problems) {
        static Packages of(String option) {
            Set<Package> chosen = new LinkedHashSet<>();
            List<String> problems = new ArrayList<>();
            if (option != null) {
                for (String part : option.split("[,\\s]+")) {
                    String name = part.trim().toLowerCase(Locale.ROOT);
                    if (name.isEmpty()) {
                        continue;
                    }
                    Optional<Package> found = java.util.Arrays.stream(Package.values())
                            .filter(p -> p.option.equals(name)).findFirst();
                    found.ifPresentOrElse(chosen::add, () -> problems.add("lookup package '" + part
                            + "' is not line-type, sms-pumping-risk or sim-swap"));
                }
            }
            return new Packages(Set.copyOf(chosen), problems);
        }

        String fields() {
            return String.join(",", chosen.stream().map(p -> p.field).toList());
        }
    }

    private final TwilioRestClient client;
    private final Packages packages;

    TwilioLookup(TwilioRestClient client, Packages packages) {
        this.client = client;
        this.packages = packages;
    }

    boolean enabled() {
        return !packages.chosen().isEmpty();
    }

    Optional<NumberFacts> lookUp(String e164) throws LookupException {
        if (!enabled()) {
            return Optional.empty();
        }
        try {
            PhoneNumber answer = PhoneNumber.fetcher(e164).setFields(packages.fields()).fetch(client);
            return Optional.of(facts(answer));
        } catch (TwilioException e) {
            throw new LookupException("Twilio Lookup did not answer: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new LookupException("Twilio Lookup's answer could not be read: " + e, e);
        }
    }

    /** A package that reports an error code (not enabled, out of coverage) says nothing. */
    static NumberFacts facts(PhoneNumber answer) {
        LineType type = LineType.UNKNOWN;
        PhoneNumber.LineTypeIntelligenceInfo line = answer.getLineTypeIntelligence();
        if (line != null && line.getErrorCode() == null) {
            type = LineType.fromTwilio(line.getType());
        }
        Integer risk = null;
        PhoneNumber.SmsPumpingRiskInfo pumping = answer.getSmsPumpingRisk();
        if (pumping != null && pumping.getErrorCode() == null) {
            risk = pumping.getSmsPumpingRiskScore();
        }
        Instant swappedAt = null;
        boolean swappedInPeriod = false;
        PhoneNumber.SimSwapInfo sim = answer.getSimSwap();
        if (sim != null && sim.getErrorCode() == null && sim.getLastSimSwap() != null) {
            PhoneNumber.LastSimSwapInfo last = sim.getLastSimSwap();
            swappedAt = last.getLastSimSwapDate() == null ? null : last.getLastSimSwapDate().toInstant();
            swappedInPeriod = Boolean.TRUE.equals(last.getSwappedInPeriod());
        }
        return new NumberFacts(type, risk, swappedAt, swappedInPeriod);
    }
}
