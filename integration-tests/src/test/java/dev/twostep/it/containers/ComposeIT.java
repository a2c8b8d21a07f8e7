package dev.twostep.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.core.delivery.twilio.TwilioStandIn;
import dev.twostep.it.pages.AlmostDonePage;
import dev.twostep.it.pages.AuthenticatorAppPage;
import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.EnterCodePage;
import dev.twostep.it.pages.PhoneNumberPage;
import dev.twostep.it.pages.SignInPage;
import dev.twostep.it.pages.TwoStepCodePage;
import dev.twostep.it.support.AuthenticatorApp;
import dev.twostep.it.support.Browser;
import dev.twostep.it.support.Docker;
import dev.twostep.it.support.Pause;
import dev.twostep.it.support.Waits;

/**
 * {@code docker/Dockerfile} and {@code docker/compose.yaml} as an admin runs them: the image built, Keycloak
 * and PostgreSQL brought up with the documented variables, the twilio sender pointed at the tests' Twilio
 * stand-in, the demo seller enrolled in a real browser, a restart that keeps the data, and {@code down -v}.
 * One compose project for the class; the methods run in order, each on what the one before left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeIT {
    private static final String PROJECT = "twostep-it";
    private static final String IMAGE = "two-step-keycloak:it";
    private static final String SELLER = "seller";
    private static final String PASSWORD = "seller-demo-2sv";
    private static final String PHONE = "3471234567";
    private static final String ACCOUNT = TwilioStandIn.madeUpSid("AC");
    private static final String TOKEN = "compose-stand-in-token";
    private static final String FROM = "+15005550006";
    private static final Duration START = Duration.ofMinutes(4);

    private static TwilioStandIn twilio;
    private static Map<String, String> environment;
    private static List<String> compose;
    private static int port;
    private static int managementPort;
    private static AuthenticatorApp app;
    private static String lastAppCode;
    private static boolean down;

    @BeforeAll
    static void up() throws IOException {
        Docker.assumeEngine();
        Docker.awaitBaseImages();
        Docker.run(Duration.ofMinutes(5), Map.of(), "docker", "build", "--file", "docker/Dockerfile", "--tag", IMAGE, ".")
                .orFail();
        twilio = new TwilioStandIn(ACCOUNT, ACCOUNT, TOKEN, Docker.bridgeGateway());
        port = freePort();
        managementPort = freePort();
        environment = Map.of(
                "KC_BOOTSTRAP_ADMIN_PASSWORD", UUID.randomUUID().toString(),
                "POSTGRES_PASSWORD", UUID.randomUUID().toString(),
                "KEYCLOAK_PORT", Integer.toString(port),
                "KEYCLOAK_MANAGEMENT_PORT", Integer.toString(managementPort),
                "KC_HOSTNAME", origin(),
                "TWILIO_ACCOUNT_SID", ACCOUNT,
                "TWILIO_AUTH_TOKEN", TOKEN,
                "TWILIO_FROM", FROM);
        compose = new ArrayList<>(Docker.compose());
        compose.addAll(List.of("--project-name", PROJECT, "--file", "docker/compose.yaml", "--file",
                override(twilio.baseUrl()).toString()));
        compose(Duration.ofMinutes(2), "down", "--volumes"); // what an interrupted run may have left
        compose(Duration.ofMinutes(3), "up", "--detach").orFail();
        Docker.awaitHealthy(container("postgres"), START);
        Docker.awaitHealthy(container("keycloak"), START);
    }

    @AfterAll
    static void cleanUp() {
        if (compose != null && !down) {
            compose(Duration.ofMinutes(2), "down", "--volumes");
        }
        if (twilio != null) {
            twilio.close();
        }
    }

    @Test
    @Order(1)
    void theImageStartsOptimizedAndImportsTheSellerRealm() {
        String keycloak = container("keycloak");
        String command = Docker.run(Duration.ofSeconds(20), Map.of(), "docker", "inspect", "--format",
                "{{json .Config.Entrypoint}} {{json .Config.Cmd}}", keycloak).orFail();
        assertTrue(command.contains("\"start\"") && command.contains("\"--optimized\""), command);
        String log = Docker.logTail(keycloak);
        assertTrue(Docker.run(Duration.ofSeconds(20), Map.of(), "docker", "logs", keycloak).output()
                .contains("Realm 'seller' imported"), log);
        assertEquals("healthy", Docker.health(container("postgres")));
    }

    @Test
    @Order(2)
    void healthAndMetricsAnswerOnTheManagementPortAndEveryPortIsOnLoopback() {
        HttpResponse<String> ready = get("http://127.0.0.1:" + managementPort + "/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"UP\""), ready.body());
        HttpResponse<String> metrics = get("http://127.0.0.1:" + managementPort + "/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("# TYPE"), "Prometheus text");
        List<String> published = Docker.run(Duration.ofSeconds(20), Map.of(), "docker", "port", container("keycloak"))
                .orFail().lines().filter(line -> !line.isBlank()).toList();
        assertEquals(2, published.size(), published::toString);
        published.forEach(line -> assertTrue(line.endsWith("-> 127.0.0.1:" + port)
                || line.endsWith("-> 127.0.0.1:" + managementPort), line));
        assertEquals("", Docker.run(Duration.ofSeconds(20), Map.of(), "docker", "port", container("postgres"))
                .orFail().strip(), "PostgreSQL is not published");
    }

    @Test
    @Order(3)
    void theSellerEnrollsAndTheBackupCheckGoesOutThroughTwilio() {
        ChromeDriver browser = Browser.take();
        try {
            SignInPage.open(browser, accountUrl()).signIn(SELLER, PASSWORD);
            new ChooseMethodPage(browser).chooseAuthenticatorApp();
            AuthenticatorAppPage appPage = new AuthenticatorAppPage(browser);
            app = new AuthenticatorApp(appPage.cantScanTheBarcode());
            lastAppCode = app.currentCode();
            appPage.verify(lastAppCode);
            new ChooseMethodPage(browser).choosePhoneNumber();
            new PhoneNumberPage(browser).textMessage().country("IT").number(PHONE).send();
            TwilioStandIn.Received message = firstTextOrWhyNot(browser);
            assertEquals(ACCOUNT, message.accountSid());
            assertEquals("Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN)
                    .getBytes(StandardCharsets.UTF_8)), message.authorization());
            assertEquals(FROM, message.form().get("From"));
            new EnterCodePage(browser).verify(message.code());
            new AlmostDonePage(browser).turnOn();
            awaitAccountConsole(browser);
        } finally {
            Browser.giveBack(browser, origin());
        }
    }

    @Test
    @Order(4)
    void aRestartOfKeycloakKeepsTheEnrollment() {
        compose(Duration.ofMinutes(2), "restart", "keycloak").orFail();
        Docker.awaitHealthy(container("keycloak"), START);
        assertTrue(Docker.run(Duration.ofSeconds(20), Map.of(), "docker", "logs", container("keycloak")).output()
                .contains("Realm 'seller' already exists. Import skipped"), "the restart found the realm");
        ChromeDriver browser = Browser.take();
        try {
            SignInPage.open(browser, accountUrl()).signIn(SELLER, PASSWORD);
            TwoStepCodePage code = new TwoStepCodePage(browser);
            code.signIn(freshAppCode());
            awaitAccountConsole(browser);
        } finally {
            Browser.giveBack(browser, origin());
        }
        assertEquals(1, twilio.receivedFor("+39" + PHONE).size(), "the app was asked, no text message sent");
    }

    @Test
    @Order(5)
    void downWithVolumesLeavesNoContainerNetworkOrVolume() {
        compose(Duration.ofMinutes(2), "down", "--volumes").orFail();
        down = true;
        String label = "com.docker.compose.project=" + PROJECT;
        assertEquals(List.of(), Docker.withLabel("container", label));
        assertEquals(List.of(), Docker.withLabel("volume", label));
        assertEquals(List.of(), Docker.withLabel("network", label));
    }

    /**
     * The first text through the stand-in. A container's first send warms a cold JVM on a busy machine, so it
     * gets longer than the suite's inbox wait; when none comes, the page and Keycloak's log say why.
     */
    private static TwilioStandIn.Received firstTextOrWhyNot(ChromeDriver browser) {
        try {
            return twilio.awaitFor("+39" + PHONE, 1, Duration.ofSeconds(40)).orElseThrow(() -> new AssertionError(
                    "Twilio got no request for +39" + PHONE + " (" + twilio.requests() + " requests in all); the page says:\n"
                            + browser.findElement(By.tagName("body")).getText()
                            + "\nKeycloak's log ends:\n" + Docker.logTail(container("keycloak"))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the text", e);
        }
    }

    /** The app's code of a time step the enrollment did not use: a code is accepted once. */
    private static String freshAppCode() {
        String code = app.currentCode();
        while (code.equals(lastAppCode)) {
            Pause.millis(1_000);
            code = app.currentCode();
        }
        assertNotEquals(lastAppCode, code);
        lastAppCode = code;
        return code;
    }

    private static void awaitAccountConsole(ChromeDriver browser) {
        Waits.upTo(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(accountUrl())
                && !d.getCurrentUrl().contains("login-actions"));
    }

    private static String origin() {
        return "http://localhost:" + port;
    }

    private static String accountUrl() {
        return origin() + "/realms/seller/account";
    }

    /** The compose service's container, whatever the compose client names it. */
    private static String container(String service) {
        return compose(Duration.ofSeconds(30), "ps", "--quiet", service).orFail().strip();
    }

    private static Docker.Run compose(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of(arguments));
        return Docker.run(timeout, environment, command);
    }

    /**
     * What the tests add to the admin's compose file: the image just built, and the twilio sender's API
     * address moved to the stand-in (an admin leaves it at Twilio's).
     */
    private static Path override(String twilioBaseUrl) throws IOException {
        Path file = Path.of("target", "compose-it.yaml").toAbsolutePath();
        Files.writeString(file, """
                services:
                  keycloak:
                    image: %s
                    environment:
                      KC_SPI_TWO_STEP_SENDER__TWILIO__API_BASE_URL: "%s"
                      KC_SPI_TWO_STEP_SENDER__TWILIO__TIMEOUT_SECONDS: "5"
                """.formatted(IMAGE, twilioBaseUrl));
        return file;
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
