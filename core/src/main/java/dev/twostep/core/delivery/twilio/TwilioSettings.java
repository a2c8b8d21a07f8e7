package dev.twostep.core.delivery.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How to reach Twilio: credentials (the account's auth token, or an API key and secret), who the messages
 * come from (a number, or a Messaging Service for text messages), and how long to wait. Secret values may be
 * Keycloak vault expressions ({@code ${vault.twilio_token}}); {@link #resolved} turns them into values.
 */
public record TwilioSettings(String accountSid, String apiKeySid, String secret, String from,
                             String messagingServiceSid, URI apiBaseUrl, Duration timeout) {
    public static final URI TWILIO_API = URI.create("https://api.twilio.com");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The user name of Basic authentication: the API key when one is given, else the account itself. */
    public String username() {
        return apiKeySid != null ? apiKeySid : accountSid;
    }

    /** What is missing or wrong, in words for the admin's log; empty when the sender can work. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (accountSid == null) {
            problems.add("account-sid is not set");
        }
        if (secret == null) {
            problems.add(apiKeySid == null ? "auth-token is not set" : "api-key-secret is not set");
        }
        if (from == null && messagingServiceSid == null) {
            problems.add("neither from (a number) nor messaging-service-sid is set");
        }
        return problems;
    }

    /** Voice calls need a caller number; a Messaging Service only sends text messages. */
    public Optional<String> caller() {
        return Optional.ofNullable(from);
    }

    /** The same settings with vault expressions replaced by what the vault holds. */
    public TwilioSettings resolved(UnaryOperator<String> vault) {
        return new TwilioSettings(vault.apply(accountSid), vault.apply(apiKeySid), vault.apply(secret), from,
                messagingServiceSid, apiBaseUrl, timeout);
    }

    /** Never prints the secret: settings end up in logs. */
    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid + ", apiKeySid=" + apiKeySid + ", secret="
                + (secret == null ? "unset" : "****") + ", from=" + from + ", messagingServiceSid="
                + messagingServiceSid + ", apiBaseUrl=" + apiBaseUrl + ", timeout=" + timeout + "]";
    }
}
