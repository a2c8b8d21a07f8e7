package dev.twostep.core.policy;

import java.time.Duration;
import java.util.Set;

/**
 * The numbers that decide how strict 2SV is. One value object so that every flow reads the same limits;
 * the sign-in authenticator's config holds the realm's values ({@link RealmPolicy} finds them for the other flows).
 */
public record TwoStepPolicy(int codeLength, Duration codeLifetime, int maxWrongTries, Duration resendCooldown,
                            Duration trustedDeviceLifetime, int sendsPerUserPerHour, int sendsPerNumberPerDay,
                            int sendsPerIpPerHour, Set<String> allowedCountries, LookupPolicy lookup,
                            Duration newBrowserWindow) {

    /**
     * The allowed-countries entry of a list that could not be read: no region is ever this, so no number is
     * accepted (failing closed) rather than every number (the empty list).
     */
    public static final String NO_COUNTRY = "--";

    /** Codes outlive this by no configuration: a longer-lived code is a phishing gift. */
    public static final Duration MAX_CODE_LIFETIME = Duration.ofMinutes(10);

    public TwoStepPolicy {
        if (codeLength < 6 || codeLength > 10) {
            throw new IllegalArgumentException("code length must be 6 to 10 digits");
        }
        if (codeLifetime.isNegative() || codeLifetime.isZero() || codeLifetime.compareTo(MAX_CODE_LIFETIME) > 0) {
            throw new IllegalArgumentException("code lifetime must be between 1 second and 10 minutes");
        }
        if (trustedDeviceLifetime.isNegative()) {
            throw new IllegalArgumentException("trusted-device lifetime cannot be negative");
        }
        if (maxWrongTries < 1) {
            throw new IllegalArgumentException("at least one try per code");
        }
        if (sendsPerUserPerHour < 1 || sendsPerNumberPerDay < 1 || sendsPerIpPerHour < 1) {
            throw new IllegalArgumentException("send limits must allow at least one message");
        }
        allowedCountries = Set.copyOf(allowedCountries);
        lookup = lookup == null ? LookupPolicy.defaults() : lookup;
        newBrowserWindow = newBrowserWindow == null ? Duration.ZERO : newBrowserWindow;
        if (newBrowserWindow.isNegative()) {
            throw new IllegalArgumentException("the new-browser window cannot be negative");
        }
    }

    /** Zero days turns "Don't require codes on this device" off: the choice is hidden and no browser passes. */
    public boolean trustsDevices() {
        return !trustedDeviceLifetime.isZero();
    }

    /** Zero days turns the new-sign-in notice off. */
    public boolean noticesNewBrowsers() {
        return !newBrowserWindow.isZero();
    }

    /** This policy with other lookup rules. */
    public TwoStepPolicy withLookup(LookupPolicy rules) {
        return new TwoStepPolicy(codeLength, codeLifetime, maxWrongTries, resendCooldown, trustedDeviceLifetime,
                sendsPerUserPerHour, sendsPerNumberPerDay, sendsPerIpPerHour, allowedCountries, rules, newBrowserWindow);
    }

    /** An empty list of allowed countries means every country. */
    public boolean allowsCountry(String region) {
        return allowedCountries.isEmpty() || allowedCountries.contains(region);
    }

    public static TwoStepPolicy defaults() {
        return new TwoStepPolicy(6, Duration.ofMinutes(5), 5, Duration.ofSeconds(30), Duration.ofDays(90), 10, 10,
                // Per address: about 30 enrollments an hour behind one office NAT (a code and a resend or a
                // phone backup each), while a script from one address pays for at most 60 messages an hour.
                60, Set.of(), LookupPolicy.defaults(), Duration.ofDays(90));
    }
}
