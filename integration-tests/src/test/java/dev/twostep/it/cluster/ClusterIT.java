package dev.twostep.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.twostep.it.support.AdminApi;
import dev.twostep.it.support.FormBrowser;
import dev.twostep.it.support.FormBrowser.Page;
import dev.twostep.it.support.KeycloakCluster;
import dev.twostep.it.support.KeycloakServer;
import dev.twostep.it.support.Outbox;
import dev.twostep.it.support.PostgresDatabase;
import dev.twostep.it.support.Seller;

/**
 * Two Keycloak nodes clustered on one PostgreSQL (JDBC_PING discovery), with sellers' browsers switching
 * between nodes mid-sign-in as behind a load balancer: whatever one node knows, the other knows too,
 * because nothing of ours lives in one JVM's memory.
 */
class ClusterIT {
    private static final String PASSWORD = Seller.PASSWORD;
    private static KeycloakCluster cluster;
    private static KeycloakServer nodeA;
    private static KeycloakServer nodeB;

    @BeforeAll
    static void startTwoNodes() {
        cluster = KeycloakCluster.start(PostgresDatabase.forTests());
        nodeA = cluster.a();
        nodeB = cluster.b();
        // One test machine is every seller's address: keep the per-address limit out of the way, and let a
        // test type codes faster than Keycloak's quick-login check allows a person.
        // The suite's limits, and no resend cooldown: these sign-ins go over plain HTTP and ask for a second
        // code within a second of the first.
        new AdminApi(nodeA).changePolicy(Map.of("sendsPerIpPerHour", "100000", "resendCooldownSeconds", "0",
                "newBrowserNoticeDays", "0"));
        new AdminApi(nodeB).changeRealm(Map.of("quickLoginCheckMilliSeconds", 1));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A seller with 2SV already set up (text messages, app backup), created through node A. */
    private record ClusterSeller(String username, String id) {
        static ClusterSeller create() {
            String username = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
            String phone = String.format("+3934%d%03d4567", ThreadLocalRandom.current().nextInt(10), ThreadLocalRandom.current().nextInt(1000));
            String id = new AdminApi(nodeA).createSellerWithMethods(username, PASSWORD, phone, "app-secret-" + username);
            return new ClusterSeller(username, id);
        }
    }

    private static FormBrowser browser() {
        return new FormBrowser(List.of(nodeA.baseUrl(), nodeB.baseUrl()));
    }

    /** Opens the app's sign-in on {@code node} and posts the password there. */
    private static Page password(FormBrowser browser, KeycloakServer node, ClusterSeller seller) {
        return password(browser, node, seller, null);
    }

    /** The same, with more parameters for the authorization request ({@code &kc_action=...}). */
    private static Page password(FormBrowser browser, KeycloakServer node, ClusterSeller seller, String extraQuery) {
        Page login = browser.get(FormBrowser.authorizationUrl(node.baseUrl(), extraQuery));
        assertEquals("login", login.template(), login.body());
        return browser.submit(login, "kc-form-login", node.baseUrl(),
                Map.of("username", seller.username(), "password", PASSWORD, "credentialId", ""));
    }

    private static String code(KeycloakServer node, ClusterSeller seller, int expectedCount) {
        return new Outbox(node.outbox()).latestFor(seller.username(), expectedCount).get("code").asText();
    }

    @Test
    void aCodeSentThroughOneNodeIsAcceptedOnTheOther() {
        ClusterSeller seller = ClusterSeller.create();
        FormBrowser browser = browser();
        Page codePage = password(browser, nodeA, seller);
        assertEquals("two-step-verify", codePage.template());
        String code = code(nodeA, seller, 1);
        assertTrue(new Outbox(nodeB.outbox()).messagesFor(seller.username()).isEmpty(), "node A sent it");

        Page app = browser.submit(codePage, "two-step-verify-form", nodeB.baseUrl(),
                Map.of("action", "verify", "code", code));
        assertNotNull(app.leftTo(), "node B let the seller into the app: " + app.body());
        assertTrue(app.appParameters().containsKey("code"), app.leftTo().toString());
    }

    @Test
    void wrongTriesOnBothNodesAddUpToOneLimit() {
        ClusterSeller seller = ClusterSeller.create();
        FormBrowser browser = browser();
        Page page = password(browser, nodeA, seller);
        String code = code(nodeA, seller, 1);
        String wrong = Seller.wrongCode(code);
        for (int i = 0; i < 5; i++) {
            KeycloakServer node = i % 2 == 0 ? nodeA : nodeB;
            page = browser.submit(page, "two-step-verify-form", node.baseUrl(), Map.of("action", "verify", "code", wrong));
            assertTrue(page.body().contains("The code is invalid"), "try " + (i + 1) + " on " + node.baseUrl());
        }
        // Three tries on A and two on B are five on one code: it is spent, right or not.
        Page spent = browser.submit(page, "two-step-verify-form", nodeB.baseUrl(), Map.of("action", "verify", "code", code));
        assertEquals("two-step-verify", spent.template());
        assertTrue(spent.body().contains("Too many wrong codes"), spent.body());
    }

    @Test
    void requireCodesOnAllDevicesOnOneNodeReachesTheOther() {
        ClusterSeller seller = ClusterSeller.create();
        FormBrowser browser = browser();
        Page codePage = password(browser, nodeA, seller);
        Page app = browser.submit(codePage, "two-step-verify-form", nodeA.baseUrl(),
                Map.of("action", "verify", "code", code(nodeA, seller, 1), "trustDevice", "on"));
        assertNotNull(app.leftTo(), app.body());
        assertTrue(browser.hasCookie("TWO_STEP_TRUSTED_DEVICE"));

        // Signed out, the trusted browser passes on node B with the password alone.
        browser.forgetCookiesBut("TWO_STEP_TRUSTED_DEVICE");
        assertNotNull(password(browser, nodeB, seller).leftTo(), "node B knows the device node A trusted");

        // On node A: Advanced Security Settings (the trusted browser signs in with the password; the settings
        // ask for a fresh code all the same), then "Require codes on all devices".
        browser.forgetCookiesBut("TWO_STEP_TRUSTED_DEVICE");
        Page settingsCode = password(browser, nodeA, seller, "&kc_action=two-step-settings");
        assertEquals("two-step-verify", settingsCode.template(), settingsCode.body());
        Page settings = browser.submit(settingsCode, "two-step-verify-form", nodeA.baseUrl(),
                Map.of("action", "verify", "code", code(nodeA, seller, 2)));
        assertEquals("two-step-settings", settings.template(), settings.body());
        Page cleared = browser.submit(settings, "two-step-settings-form", nodeA.baseUrl(), Map.of("action", "require-codes"));
        assertEquals("two-step-settings", cleared.template());

        browser.forgetCookiesBut("TWO_STEP_TRUSTED_DEVICE");
        Page asked = password(browser, nodeB, seller);
        assertEquals("two-step-verify", asked.template(), "node B asks for a code again");
    }

    @Test
    void aRecoveryApprovedOnOneNodeAppliesOnTheOther() {
        ClusterSeller seller = ClusterSeller.create();
        FormBrowser browser = browser();
        Page page = password(browser, nodeA, seller);
        page = browser.submit(page, "two-step-verify-form", nodeA.baseUrl(), Map.of("action", "other"));
        page = browser.submit(page, "two-step-other-form", nodeB.baseUrl(), Map.of("action", "recovery"));
        assertEquals("two-step-recovery-info", page.template());
        page = browser.submit(page, "two-step-recovery-form", nodeA.baseUrl(), Map.of("action", "recovery-start"));
        assertEquals("two-step-recovery-upload", page.template());
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        page = browser.submitFile(page, "two-step-recovery-upload", nodeB.baseUrl(), Map.of("note", "lost my phone"),
                "documents", "passport.pdf", pdf);
        assertEquals("two-step-recovery-status", page.template(), page.body());
        assertTrue(page.body().contains("data-status=\"PENDING\""), page.body());

        AdminApi onB = new AdminApi(nodeB);
        HttpResponse<String> queue = onB.getAs(null, "/two-step-recovery/requests");
        String id = null;
        for (JsonNode request : AdminApi.parse(queue.body())) {
            if (seller.id().equals(request.path("userId").asText())) {
                id = request.path("id").asText();
            }
        }
        assertNotNull(id, "node B's queue has the request sent through both nodes: " + queue.body());
        HttpResponse<String> approved = onB.post("/two-step-recovery/requests/" + id + "/approve", Map.of());
        assertEquals(200, approved.statusCode(), approved.body());

        // Node A, which served most of this sign-in, sees the approval: no method left, on to the enrollment.
        assertEquals(List.of("password"), typesOn(nodeA, seller));
        Page next = browser.submit(page, "two-step-recovery-status-form", nodeA.baseUrl(), Map.of("action", "back"));
        assertEquals("two-step-enroll-start", next.template(), next.body());
    }

    private static List<String> typesOn(KeycloakServer node, ClusterSeller seller) {
        return java.util.stream.StreamSupport.stream(new AdminApi(node).credentials(seller.id()).spliterator(), false)
                .map(credential -> credential.path("type").asText()).sorted().toList();
    }
}
