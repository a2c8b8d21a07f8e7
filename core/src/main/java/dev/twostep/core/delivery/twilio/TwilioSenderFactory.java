package dev.twostep.core.delivery.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.twilio.http.TwilioRestClient;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.vault.VaultStringSecret;

import dev.twostep.core.delivery.CodeSender;
import dev.twostep.core.delivery.CodeSenderFactory;
import dev.twostep.core.delivery.CodeSenderSpi;

/**
 * The {@value #PROVIDER_ID} sender, chosen with {@code --spi-two-step-sender--provider=twilio} and configured
 * with {@code --spi-two-step-sender--twilio--<option>} (or {@code KC_SPI_TWO_STEP_SENDER__TWILIO__<OPTION>}).
 * Secrets may be vault expressions, read from Keycloak's vault at each use.
 */
public final class TwilioSenderFactory implements CodeSenderFactory {
    public static final String PROVIDER_ID = "twilio";
    static final String ACCOUNT_SID = "account-sid";
    static final String AUTH_TOKEN = "auth-token";
    static final String API_KEY_SID = "api-key-sid";
    static final String API_KEY_SECRET = "api-key-secret";
    static final String FROM = "from";
    static final String MESSAGING_SERVICE_SID = "messaging-service-sid";
    static final String API_BASE_URL = "api-base-url";
    static final String TIMEOUT_SECONDS = "timeout-seconds";
    static final String LOOKUP = "lookup";
    static final String LOOKUP_BASE_URL = "lookup-base-url";
    static final String LOOKUP_TIMEOUT_MILLIS = "lookup-timeout-millis";
    private static final Logger LOG = Logger.getLogger(TwilioSenderFactory.class);

    private TwilioSettings settings;
    private TwilioLookup.Packages lookupPackages = TwilioLookup.Packages.of(null);
    private URI lookupBase = TwilioLookup.LOOKUPS_API;
    private Duration lookupTimeout = TwilioLookup.DEFAULT_TIMEOUT;
    // Shared, stateless-per-user plumbing: one connection pool and one JSON mapper per server.
    private java.net.http.HttpClient http;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Override
    public CodeSender create(KeycloakSession session) {
        return sender(settings.resolved(value -> fromVault(session, value)), http, json, lookupPackages, lookupBase,
                lookupTimeout);
    }

    /** A sender for settings whose secrets are already plain values, looking nothing up. */
    static TwilioSender sender(TwilioSettings effective, java.net.http.HttpClient http, ObjectMapper json) {
        return sender(effective, http, json, TwilioLookup.Packages.of(null), TwilioLookup.LOOKUPS_API,
                TwilioLookup.DEFAULT_TIMEOUT);
    }

    /** A sender that looks numbers up with {@code packages} (an option value) at {@code lookupBase}. */
    static TwilioSender sender(TwilioSettings effective, java.net.http.HttpClient http, ObjectMapper json,
                               String packages, URI lookupBase, Duration lookupTimeout) {
        return sender(effective, http, json, TwilioLookup.Packages.of(packages), lookupBase, lookupTimeout);
    }

    private static TwilioSender sender(TwilioSettings effective, java.net.http.HttpClient http, ObjectMapper json,
                                       TwilioLookup.Packages packages, URI lookupBase, Duration lookupTimeout) {
        return new TwilioSender(effective, client(effective, http, json, effective.apiBaseUrl(), effective.timeout()),
                new TwilioLookup(client(effective, http, json, lookupBase, lookupTimeout), packages));
    }

    /** The SDK's client on our HTTP carrier; one per API host, since Lookup lives apart from the Messages API. */
    private static TwilioRestClient client(TwilioSettings effective, java.net.http.HttpClient http, ObjectMapper json,
                                           URI base, Duration timeout) {
        return new TwilioRestClient.Builder(nonNull(effective.username()), nonNull(effective.secret()))
                .accountSid(nonNull(effective.accountSid()))
                .httpClient(new TwilioHttp(http, base, timeout))
                .objectMapper(json)
                .build();
    }

    @Override
    public void init(Config.Scope config) {
        String apiKey = blankToNull(config.get(API_KEY_SID));
        int timeout = config.getInt(TIMEOUT_SECONDS, (int) TwilioSettings.DEFAULT_TIMEOUT.toSeconds());
        String base = blankToNull(config.get(API_BASE_URL));
        settings = new TwilioSettings(blankToNull(config.get(ACCOUNT_SID)), apiKey,
                blankToNull(config.get(apiKey != null ? API_KEY_SECRET : AUTH_TOKEN)),
                blankToNull(config.get(FROM)), blankToNull(config.get(MESSAGING_SERVICE_SID)),
                base == null ? TwilioSettings.TWILIO_API : URI.create(base), Duration.ofSeconds(Math.max(1, timeout)));
        http = TwilioHttp.newJdkClient(settings.timeout());
        lookupPackages = TwilioLookup.Packages.of(config.get(LOOKUP));
        String lookupAt = blankToNull(config.get(LOOKUP_BASE_URL));
        lookupBase = lookupAt == null ? TwilioLookup.LOOKUPS_API : URI.create(lookupAt);
        lookupTimeout = Duration.ofMillis(Math.max(100,
                config.getInt(LOOKUP_TIMEOUT_MILLIS, (int) TwilioLookup.DEFAULT_TIMEOUT.toMillis())));
    }

    /** Complains only when this sender is the one chosen, so an unused provider stays quiet. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (!PROVIDER_ID.equals(Config.getProvider(CodeSenderSpi.NAME))) {
            if (settings.accountSid() != null) {
                LOG.warnf("two-step: Twilio options are set but codes go through the '%s' sender; choose Twilio with "
                        + "--spi-two-step-sender--provider=twilio", Config.getProvider(CodeSenderSpi.NAME));
            }
            return;
        }
        lookupPackages.problems().forEach(problem -> LOG.errorf("two-step: %s; that package is not asked for", problem));
        if (settings.problems().isEmpty()) {
            LOG.infof("two-step: codes go out through Twilio (%s)", settings);
            if (lookupPackages.chosen().isEmpty()) {
                LOG.info("two-step: numbers are not looked up (Twilio Lookup off)");
            } else {
                LOG.infof("two-step: numbers are looked up with Twilio Lookup (%s) at %s within %d ms",
                        lookupPackages.fields(), lookupBase, lookupTimeout.toMillis());
            }
        } else {
            LOG.errorf("two-step: the twilio sender cannot send codes: %s", String.join("; ", settings.problems()));
        }
    }

    private static String fromVault(KeycloakSession session, String value) {
        if (value == null) {
            return null;
        }
        try (VaultStringSecret secret = session.vault().getStringSecret(value)) {
            // A vault expression the vault cannot answer is no secret: leave it unset, so the log says so.
            return secret.get().orElse(value.startsWith("${vault.") ? null : value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String nonNull(String value) {
        // The SDK insists on strings; an unconfigured sender never gets as far as sending.
        return value == null ? "" : value;
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(ACCOUNT_SID).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Twilio Account SID (AC...).").add()
                .property().name(AUTH_TOKEN).type(ProviderConfigProperty.PASSWORD)
                .helpText("The account's auth token, or a vault expression such as ${vault.twilio_auth_token}.").add()
                .property().name(API_KEY_SID).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("An API key (SK...) to use instead of the auth token.").add()
                .property().name(API_KEY_SECRET).type(ProviderConfigProperty.PASSWORD)
                .helpText("The API key's secret, or a vault expression.").add()
                .property().name(FROM).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Sender number in E.164 form; needed for voice calls.").add()
                .property().name(MESSAGING_SERVICE_SID).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Messaging Service (MG...) for text messages instead of the from number.").add()
                .property().name(TIMEOUT_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(5)
                .helpText("Longest wait for Twilio's answer.").add()
                .property().name(API_BASE_URL).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Twilio API address; change only for a proxy or a test stand-in.").add()
                .property().name(LOOKUP).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Twilio Lookup packages to ask for before paying for a code, comma-separated: line-type, "
                        + "sms-pumping-risk, sim-swap (the ones the account has). Empty: no lookups.").add()
                .property().name(LOOKUP_TIMEOUT_MILLIS).type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(1500)
                .helpText("Longest wait for a Lookup answer; without one the code goes out as without Lookup.").add()
                .property().name(LOOKUP_BASE_URL).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Twilio Lookup address; change only for a proxy or a test stand-in.").add()
                .build();
    }
}
