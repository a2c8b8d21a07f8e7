package dev.twostep.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dasniko.testcontainers.keycloak.KeycloakContainer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.twostep.it.support.Docker;
import dev.twostep.it.support.FormBrowser;
import dev.twostep.it.support.HttpSignIn;

/**
 * Sign-in smoke tests through testcontainers-keycloak: Keycloak's container image (on an offline machine, the
 * one {@code docker/base-images/build.sh} made) with our JAR in {@code providers/}, as a developer of another
 * extension would run ours. Without a Docker engine they are skipped, unless the run requires Docker (CI).
 */
class ContainerSignInIT {
    private static final StringBuffer LOG = new StringBuffer();
    private static KeycloakContainer keycloak;

    @BeforeAll
    static void start() {
        Docker.assumeEngine();
        Docker.awaitBaseImages();
        keycloak = new KeycloakContainer("quay.io/keycloak/keycloak:" + System.getProperty("twostep.keycloak.version"))
                .withProviderLibsFrom(List.of(Path.of(System.getProperty("twostep.provider.jar")).toFile()))
                .withRealmImportFile("/seller-realm.json")
                .withLogConsumer(frame -> LOG.append(frame.getUtf8String()));
        keycloak.start();
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.stop();
        }
        // The container's log, for a failure here: the container itself is gone.
        try {
            Files.writeString(Path.of("target", "keycloak-testcontainers.log"), LOG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String realmUrl() {
        return keycloak.getAuthServerUrl().replaceAll("/$", "") + "/realms/seller";
    }

    @Test
    void afterThePasswordASellerWithout2svIsSentToEnrollment() {
        String redirect = realmUrl() + "/account/";
        // Any valid S256 challenge: the flow stops at our page long before the code is exchanged.
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        String authorization = realmUrl() + "/protocol/openid-connect/auth?client_id=account-console"
                + "&response_type=code&scope=openid&code_challenge_method=S256&code_challenge=" + challenge
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
        HttpSignIn.Result result = new HttpSignIn().signIn(authorization, "seller", "seller-demo-2sv");
        assertEquals(200, result.status());
        assertTrue(result.page().contains("data-page-id=\"login-two-step-enroll-start\""),
                () -> "the enrollment comes next, not: " + FormBrowser.visibleText(result.page()));
    }

    @Test
    void thePasswordGrantAloneGetsNoToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=seller&password=seller-demo-2sv";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("Two-Step Verification"), answer.body());
    }
}
