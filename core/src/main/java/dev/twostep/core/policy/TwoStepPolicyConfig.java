package dev.twostep.core.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The policy as admin-editable authenticator config: the keys, their help, and how a config map becomes
 * a {@link TwoStepPolicy}. Missing values take the defaults; wrong ones are refused when saved.
 */
public final class TwoStepPolicyConfig {
    public static final String CODE_LENGTH = "codeLength";
    public static final String CODE_LIFETIME_SECONDS = "codeLifetimeSeconds";
    public static final String MAX_WRONG_TRIES = "maxWrongTries";
    public static final String RESEND_COOLDOWN_SECONDS = "resendCooldownSeconds";
    public static final String TRUSTED_DEVICE_DAYS = "trustedDeviceDays";
    public static final String SENDS_PER_USER_PER_HOUR = "sendsPerUserPerHour";
    public static final String SENDS_PER_NUMBER_PER_DAY = "sendsPerNumberPerDay";
    public static final String SENDS_PER_IP_PER_HOUR = "sendsPerIpPerHour";
    public static final String ALLOWED_COUNTRIES = "allowedCountries";

    private TwoStepPolicyConfig() {
    }

    public static List<ProviderConfigProperty> properties() {
        TwoStepPolicy d = TwoStepPolicy.defaults();
        return ProviderConfigurationBuilder.create()
                .property().name(CODE_LENGTH).label("Code length").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(Integer.toString(d.codeLength())).helpText("Digits in a code (6 to 10).").add()
                .property().name(CODE_LIFETIME_SECONDS).label("Code lifetime (seconds)")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(Long.toString(d.codeLifetime().toSeconds()))
                .helpText("How long a sent code works; at most 600.").add()
                .property().name(MAX_WRONG_TRIES).label("Wrong tries per code").type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(Integer.toString(d.maxWrongTries())).helpText("After this many, a new code is needed.").add()
                .property().name(RESEND_COOLDOWN_SECONDS).label("Resend cooldown (seconds)")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(Long.toString(d.resendCooldown().toSeconds()))
                .helpText("Wait before another code goes to the same number.").add()
                .property().name(TRUSTED_DEVICE_DAYS).label("Trusted-device lifetime (days)")
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(Long.toString(d.trustedDeviceLifetime().toDays()))
                .helpText("After this, a trusted browser is asked for a code again; 0 turns trusted devices off. "
                        + "Shortening it also shortens devices trusted before.").add()
                .property().name(SENDS_PER_USER_PER_HOUR).label("Messages per user per hour")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(Integer.toString(d.sendsPerUserPerHour()))
                .helpText("Text messages and calls one user may trigger in an hour, across sign-ins and nodes.").add()
                .property().name(SENDS_PER_NUMBER_PER_DAY).label("Messages per number per day")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(Integer.toString(d.sendsPerNumberPerDay()))
                .helpText("Text messages and calls one phone number may receive in a day.").add()
                .property().name(SENDS_PER_IP_PER_HOUR).label("Enrollment messages per IP address per hour")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(Integer.toString(d.sendsPerIpPerHour()))
                .helpText("Codes the enrollment may send for one IP address in an hour, across users.").add()
                .property().name(ALLOWED_COUNTRIES).label("Allowed phone countries")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue("")
                .helpText("ISO country codes separated by commas (e.g. IT,DE,FR); empty allows every country. "
                        + "Premium-rate and shared-cost numbers are always refused.").add()
                .build();
    }

    /** The policy of a config map (null: the defaults). Throws IllegalArgumentException on a bad value. */
    public static TwoStepPolicy from(Map<String, String> config) {
        TwoStepPolicy d = TwoStepPolicy.defaults();
        if (config == null) {
            return d;
        }
        return new TwoStepPolicy(
                intOf(config, CODE_LENGTH, d.codeLength()),
                Duration.ofSeconds(intOf(config, CODE_LIFETIME_SECONDS, (int) d.codeLifetime().toSeconds())),
                intOf(config, MAX_WRONG_TRIES, d.maxWrongTries()),
                Duration.ofSeconds(intOf(config, RESEND_COOLDOWN_SECONDS, (int) d.resendCooldown().toSeconds())),
                Duration.ofDays(intOf(config, TRUSTED_DEVICE_DAYS, (int) d.trustedDeviceLifetime().toDays())),
                intOf(config, SENDS_PER_USER_PER_HOUR, d.sendsPerUserPerHour()),
                intOf(config, SENDS_PER_NUMBER_PER_DAY, d.sendsPerNumberPerDay()),
                intOf(config, SENDS_PER_IP_PER_HOUR, d.sendsPerIpPerHour()),
                countriesOf(config.get(ALLOWED_COUNTRIES)));
    }

    private static Set<String> countriesOf(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<String> countries = new java.util.TreeSet<>();
        for (String part : value.split("[,\\s]+")) {
            String country = part.trim().toUpperCase(java.util.Locale.ROOT);
            if (country.isEmpty()) {
                continue;
            }
            if (!country.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException(ALLOWED_COUNTRIES + " must list two-letter country codes, not " + part);
            }
            countries.add(country);
        }
        return countries;
    }

    /** A whole-number setting: {@code fallback} when unset, IllegalArgumentException when not a number. */
    public static int intOf(Map<String, String> config, String key, int fallback) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number", e);
        }
    }
}
