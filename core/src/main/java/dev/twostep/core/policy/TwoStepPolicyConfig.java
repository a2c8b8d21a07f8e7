package dev.twostep.core.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The policy as admin-editable authenticator config: the keys, their help, and how a config map becomes
 * a {@link TwoStepPolicy}. Keycloak checks nothing when an admin saves such a config, so each value is read
 * on its own when used: a missing one takes its default, a wrong one keeps its safe default and is
 * reported (see {@link Reading}), and a wrong list of allowed countries allows no country at all.
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
    public static final String NEW_BROWSER_NOTICE_DAYS = "newBrowserNoticeDays";
    public static final String LOOKUP_CACHE_HOURS = "lookupCacheHours";
    public static final String VOIP_NUMBERS = "voipNumbers";
    public static final String TOLL_FREE_NUMBERS = "tollFreeNumbers";
    public static final String PAGER_NUMBERS = "pagerNumbers";
    public static final String UNKNOWN_LINE_NUMBERS = "unknownLineNumbers";
    public static final String SMS_PUMPING_RISK_MAX = "smsPumpingRiskMax";
    public static final String SIM_SWAP_WINDOW_HOURS = "simSwapWindowHours";
    private static final List<String> RULES = List.of("allow", "voice", "refuse");

    private TwoStepPolicyConfig() {
    }

    public static List<ProviderConfigProperty> properties() {
        TwoStepPolicy d = TwoStepPolicy.defaults();
        LookupPolicy l = d.lookup();
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
                .property().name(NEW_BROWSER_NOTICE_DAYS).label("New-sign-in notice (days)")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(Long.toString(d.newBrowserWindow().toDays()))
                .helpText("After a sign-in with a code from a browser the account has not used in this many days, "
                        + "the seller gets an e-mail with a 'This wasn't me' link; 0 turns it off.").add()
                .property().name(LOOKUP_CACHE_HOURS).label("Number lookup kept (hours)")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(Long.toString(l.cacheFor().toHours()))
                .helpText("When the sender looks numbers up (Twilio Lookup): how long one answer is reused, on "
                        + "every node. A SIM change is seen at most this late.").add()
                .property().name(VOIP_NUMBERS).label("VoIP numbers").type(ProviderConfigProperty.LIST_TYPE)
                .options(RULES).defaultValue(l.voip().id())
                .helpText("allow, voice (calls only) or refuse. Landlines always take calls only.").add()
                .property().name(TOLL_FREE_NUMBERS).label("Toll-free numbers").type(ProviderConfigProperty.LIST_TYPE)
                .options(RULES).defaultValue(l.tollFree().id()).helpText("allow, voice (calls only) or refuse.").add()
                .property().name(PAGER_NUMBERS).label("Pager numbers").type(ProviderConfigProperty.LIST_TYPE)
                .options(RULES).defaultValue(l.pager().id()).helpText("allow, voice (calls only) or refuse.").add()
                .property().name(UNKNOWN_LINE_NUMBERS).label("Numbers of unknown line type")
                .type(ProviderConfigProperty.LIST_TYPE).options(RULES).defaultValue(l.unknown().id())
                .helpText("allow, voice (calls only) or refuse: numbers the lookup could not classify.").add()
                .property().name(SMS_PUMPING_RISK_MAX).label("Highest SMS pumping risk")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(Integer.toString(l.pumpingRiskMax()))
                .helpText("Numbers whose SMS pumping risk score (0 to 100) is above this get no code; 100 never "
                        + "refuses.").add()
                .property().name(SIM_SWAP_WINDOW_HOURS).label("Recent SIM change (hours)")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(Long.toString(l.simSwapWindow().toHours()))
                .helpText("A primary phone whose SIM changed within this many hours is not used to sign in; "
                        + "0 turns the check off.").add()
                .build();
    }

    /** A config read: the policy it gives and what was wrong in it (empty when nothing was). */
    public record Reading(TwoStepPolicy policy, List<String> problems) {
    }

    /** The policy of a config map (null: the defaults), whatever it holds; see {@link #read}. */
    public static TwoStepPolicy from(Map<String, String> config) {
        return read(config).policy();
    }

    /** Reads each setting on its own: a wrong value keeps that setting's safe default and is named. */
    public static Reading read(Map<String, String> config) {
        TwoStepPolicy d = TwoStepPolicy.defaults();
        SettingsReader settings = new SettingsReader(config);
        int maxLifetime = (int) TwoStepPolicy.MAX_CODE_LIFETIME.toSeconds();
        TwoStepPolicy policy = new TwoStepPolicy(
                settings.whole(CODE_LENGTH, d.codeLength(), 6, 10),
                Duration.ofSeconds(settings.whole(CODE_LIFETIME_SECONDS, (int) d.codeLifetime().toSeconds(), 1,
                        maxLifetime)),
                settings.whole(MAX_WRONG_TRIES, d.maxWrongTries(), 1, 100),
                Duration.ofSeconds(settings.whole(RESEND_COOLDOWN_SECONDS, (int) d.resendCooldown().toSeconds(), 0,
                        3600)),
                Duration.ofDays(settings.whole(TRUSTED_DEVICE_DAYS, (int) d.trustedDeviceLifetime().toDays(), 0, 3650)),
                settings.whole(SENDS_PER_USER_PER_HOUR, d.sendsPerUserPerHour(), 1, 1000),
                settings.whole(SENDS_PER_NUMBER_PER_DAY, d.sendsPerNumberPerDay(), 1, 1000),
                settings.whole(SENDS_PER_IP_PER_HOUR, d.sendsPerIpPerHour(), 1, 1_000_000),
                countriesOf(settings), lookupOf(settings, d.lookup()),
                Duration.ofDays(settings.whole(NEW_BROWSER_NOTICE_DAYS, (int) d.newBrowserWindow().toDays(), 0, 3650)));
        return new Reading(policy, settings.problems());
    }

    private static LookupPolicy lookupOf(SettingsReader settings, LookupPolicy d) {
        return new LookupPolicy(
                Duration.ofHours(settings.whole(LOOKUP_CACHE_HOURS, (int) d.cacheFor().toHours(), 1, 24 * 30)),
                ruleOf(settings, VOIP_NUMBERS, d.voip()),
                ruleOf(settings, TOLL_FREE_NUMBERS, d.tollFree()),
                ruleOf(settings, PAGER_NUMBERS, d.pager()),
                ruleOf(settings, UNKNOWN_LINE_NUMBERS, d.unknown()),
                settings.whole(SMS_PUMPING_RISK_MAX, d.pumpingRiskMax(), 0, 100),
                Duration.ofHours(settings.whole(SIM_SWAP_WINDOW_HOURS, (int) d.simSwapWindow().toHours(), 0,
                        24 * 90)));
    }

    /** A misspelt rule refuses the line type: the safe reading of a setting that was meant to restrict. */
    private static LookupPolicy.LineRule ruleOf(SettingsReader settings, String key, LookupPolicy.LineRule fallback) {
        String value = settings.text(key);
        if (value == null) {
            return fallback;
        }
        return LookupPolicy.LineRule.fromId(value).orElseGet(() -> {
            settings.problem(key + "=" + value + " is not allow, voice or refuse; refusing these numbers until it "
                    + "is fixed");
            return LookupPolicy.LineRule.REFUSE;
        });
    }

    /** Two-letter codes; anything else allows no country, since "every country" is the widest setting. */
    private static Set<String> countriesOf(SettingsReader settings) {
        String value = settings.text(ALLOWED_COUNTRIES);
        if (value == null) {
            return Set.of();
        }
        Set<String> countries = new java.util.TreeSet<>();
        for (String part : value.split("[,\\s]+")) {
            String country = part.trim().toUpperCase(java.util.Locale.ROOT);
            if (country.isEmpty()) {
                continue;
            }
            if (!country.matches("[A-Z]{2}")) {
                settings.problem(ALLOWED_COUNTRIES + " must list two-letter country codes, not " + part
                        + "; no number is accepted until it is fixed");
                return Set.of(TwoStepPolicy.NO_COUNTRY);
            }
            countries.add(country);
        }
        return countries;
    }
}
