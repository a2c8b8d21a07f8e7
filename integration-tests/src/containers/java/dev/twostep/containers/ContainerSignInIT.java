package dev.twostep.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import dasniko.testcontainers.keycloak.KeycloakContainer;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import dev.twostep.it.support.HttpSignIn;

/**
 * Sign-in smoke tests against Keycloak's own container image with our JAR ({@code mvn verify -Pcontainers},
 * on a machine with Docker). Without a Docker engine, JUnit reports them skipped for that reason.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerSignInIT {
    @Container
    private static final KeycloakContainer KEYCLOAK = new KeycloakContainer(
            "quay.io/keycloak/keycloak:" + System.getProperty("twostep.keycloak.version"))
            .withProviderLibsFrom(List.of(Path.of(System.getProperty("twostep.provider.jar")).toFile()))
            .withRealmImportFile("/seller-realm.json");

    private static String realmUrl() {
        return KEYCLOAK.getAuthServerUrl().replaceAll("/$", "") + "/realms/seller";
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
        assertTrue(result.page().contains("login-two-step-enroll-method"), "the enrollment comes next");
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
