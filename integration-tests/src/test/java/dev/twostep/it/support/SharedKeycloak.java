package dev.twostep.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.twostep.core.delivery.twilio.TwilioStandIn;

/**
 * JUnit extension that starts one Keycloak for the whole test JVM (the first class that needs it starts
 * it; JUnit closes it after the last). Test classes get it with {@link #server()}.
 */
public final class SharedKeycloak implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SharedKeycloak.class);

    /** The running server; set once per JVM by the extension, read by tests and page objects. */
    private static volatile KeycloakServer server;
    /** The Twilio stand-in, when this JVM's server sends through Twilio ({@code twostep.sender=twilio}). */
    private static volatile TwilioStandIn twilio;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NS).getOrComputeIfAbsent("server", key -> start(), Handle.class);
    }

    public static TwilioStandIn twilio() {
        // Twilio tests belong to the failsafe execution whose Keycloak sends through Twilio; elsewhere they skip.
        Assumptions.assumeTrue(twilio != null, "this test JVM's Keycloak uses the outbox sender");
        return twilio;
    }

    public static KeycloakServer server() {
        if (server == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedKeycloak.class)");
        }
        return server;
    }

    private static Handle start() {
        String external = System.getProperty("twostep.external.port", "");
        if (!external.isBlank()) {
            // A developer's running server (the demo): use it, never stop it.
            server = KeycloakServer.fromSystemProperties(Integer.parseInt(external.trim()));
            return new Handle(null);
        }
        KeycloakServer started = KeycloakServer.fromSystemProperties(KeycloakServer.freePort());
        if ("twilio".equals(System.getProperty("twostep.sender"))) {
            try {
                twilio = new TwilioStandIn(TWILIO_ACCOUNT, TWILIO_ACCOUNT, TWILIO_TOKEN);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            started.withOptions(twilioOptions(twilio));
        }
        if ("postgres".equals(System.getProperty("twostep.db"))) {
            started.withOptions(postgresOptions());
        }
        if (!"false".equals(System.getProperty("twostep.proxy"))) {
            started.withOptions(PROXY_OPTIONS);
        }
        started.withOptions(CACHED_THEMES);
        String extra = System.getProperty("twostep.kc.options", "").trim();
        if (!extra.isEmpty()) {
            started.withOptions(List.of(extra.split("\\s+")));
        }
        try {
            // A fresh log per run: tests read it, and an earlier run must not answer for this one.
            started.start(true, ProcessBuilder.Redirect.to(Path.of(System.getProperty("twostep.log")).toFile()));
        } catch (Exception e) {
            throw new IllegalStateException("Keycloak did not start; see " + System.getProperty("twostep.log"), e);
        }
        server = started;
        new AdminApi(started).changePolicy(SUITE_POLICY);
        return new Handle(started);
    }

    /**
     * Every browser of the suite comes from 127.0.0.1, so the per-address enrollment limit (60 an hour) would
     * soon refuse the suite itself; and a seller of the suite signs in from several browsers within seconds,
     * so the per-number resend cooldown (30 s) would hold up every second sign-in. Every test browser is new
     * to its seller, so the new-sign-in notice would mail each seller at their second browser, into the
     * notices other tests count: off. The tests of those settings set them again.
     */
    public static final Map<String, String> SUITE_POLICY = Map.of("sendsPerIpPerHour", "100000",
            "resendCooldownSeconds", "1", "newBrowserNoticeDays", "0");

    /**
     * As behind a reverse proxy: forwarded addresses are believed from the proxy's address only (here the
     * tests' own loopback address; browsers send no such headers). ProxyAddressIT reaches the server from another.
     */
    public static final List<String> PROXY_OPTIONS = List.of("--proxy-headers=xforwarded",
            "--proxy-trusted-addresses=127.0.0.1,::1");

    /**
     * Themes, templates and the theme's files cached as in production: start-dev would parse every page's
     * templates anew and make browsers fetch its styles and fonts on every page, which costs the suite minutes
     * and measures nothing of ours.
     */
    public static final List<String> CACHED_THEMES = List.of("--spi-theme--cache-themes=true",
            "--spi-theme--cache-templates=true");

    /** Keycloak on PostgreSQL instead of the dev H2: a run without one skips, except where it is required (CI). */
    private static List<String> postgresOptions() {
        return PostgresDatabase.forTests().keycloakOptions();
    }

    /**
     * Options that point a server's twilio sender at {@code twilio} (made with {@link #TWILIO_ACCOUNT} and
     * {@link #TWILIO_TOKEN}), as an admin would point it at Twilio.
     */
    public static List<String> twilioOptions(TwilioStandIn twilio) {
        // The auth token comes from Keycloak's file vault, as an admin should keep it.
        Path vault = Path.of(System.getProperty("twostep.kc.home")).resolveSibling("vault");
        try {
            Files.createDirectories(vault);
            Files.writeString(vault.resolve(KeycloakServer.REALM + "_twilio__token"), TWILIO_TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("--spi-two-step-sender--provider=twilio",
                "--vault=file", "--vault-dir=" + vault.toAbsolutePath(),
                "--spi-two-step-sender--twilio--account-sid=" + TWILIO_ACCOUNT,
                // The backslash stops Keycloak's own config from expanding ${...}; our sender reads the vault.
                "--spi-two-step-sender--twilio--auth-token=\\${vault.twilio_token}",
                "--spi-two-step-sender--twilio--from=" + TWILIO_FROM,
                "--spi-two-step-sender--twilio--api-base-url=" + twilio.baseUrl(),
                "--spi-two-step-sender--twilio--timeout-seconds=5",
                // Every Lookup package, as on an account that has them all; the stand-in answers Lookup too.
                "--spi-two-step-sender--twilio--lookup=line-type,sms-pumping-risk,sim-swap",
                "--spi-two-step-sender--twilio--lookup-base-url=" + twilio.baseUrl(),
                "--spi-two-step-sender--twilio--lookup-timeout-millis=" + LOOKUP_TIMEOUT_MILLIS);
    }

    /** The Twilio servers' Lookup deadline: long enough for a loaded 2-core machine, short enough to wait out. */
    public static final int LOOKUP_TIMEOUT_MILLIS = 1500;

    public static final String TWILIO_ACCOUNT = TwilioStandIn.madeUpSid("AC");
    public static final String TWILIO_FROM = "+15005550006";
    public static final String TWILIO_TOKEN = "stand-in-auth-token";

    /** Closes the server when JUnit closes the root store, at the end of the run. */
    private record Handle(KeycloakServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
            if (twilio != null) {
                twilio.close();
            }
        }
    }
}
