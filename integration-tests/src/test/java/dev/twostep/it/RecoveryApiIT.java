package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.twostep.it.support.AuthenticatorApp;
import dev.twostep.it.support.KeycloakServer;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;
import dev.twostep.it.support.TokenEndpoint;

/** The reviewers' admin REST API for account recovery: our tables exist, and only reviewers get in. */
@ExtendWith(SharedKeycloak.class)
class RecoveryApiIT {
    private static final String QUEUE = "/two-step-recovery/requests";

    @Test
    void theQueueIsForReviewersOnly() throws Exception {
        try (Seller seller = new Seller()) {
            HttpResponse<String> asAdmin = seller.admin.getAs(null, QUEUE);
            assertEquals(200, asAdmin.statusCode(), asAdmin.body());
            JsonNode queue = new ObjectMapper().readTree(asAdmin.body());
            assertTrue(queue.isArray(), "the queue is read from our recovery table: " + asAdmin.body());

            AuthenticatorApp app = seller.importMethods();
            TokenEndpoint tokens = new TokenEndpoint(seller.server);
            String sellerToken = tokens.passwordGrant(seller.username, Seller.PASSWORD,
                    Map.of("otp", app.currentCode())).body().path("access_token").asText();
            assertEquals(403, seller.admin.getAs(sellerToken, QUEUE).statusCode(), "a seller is no reviewer");

            seller.admin.grantRealmRole(seller.id, "two-step-recovery-reviewer");
            // The role counts only in a token the review page asked for (the browser test shows that one
            // in); a reviewer's token for another client of the realm opens nothing.
            HttpResponse<String> otherClient = seller.admin.getAs(sellerToken, QUEUE);
            assertEquals(403, otherClient.statusCode(), otherClient.body());
            assertEquals(400, seller.admin.getAs(null, QUEUE + "?max=100000").statusCode(), "pages are bounded");
            HttpResponse<String> firstPage = seller.admin.getAs(null, QUEUE + "?first=0&max=1");
            assertEquals(200, firstPage.statusCode(), firstPage.body());
            assertTrue(new ObjectMapper().readTree(firstPage.body()).size() <= 1, firstPage.body());
        }
    }

    @Test
    void anUploadWithoutItsSignInGetsAPageInTheSellersLanguage() throws Exception {
        KeycloakServer server = SharedKeycloak.server();
        String boundary = "two-step-test";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--"
                + boundary + "--\r\n";
        for (Map.Entry<String, String> language : Map.of("en", "belongs to no sign-in in progress",
                "it", "non appartiene a nessun accesso in corso").entrySet()) {
            HttpRequest forged = HttpRequest.newBuilder(URI.create(server.realmUrl()
                            + "/two-step-recovery/upload?client_id=seller-portal&tab_id=forged&ticket=forged"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept-Language", language.getKey())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(forged, HttpResponse.BodyHandlers.ofString());
            assertEquals(403, answer.statusCode());
            assertTrue(answer.body().contains(language.getValue()), language.getKey() + ": " + answer.body());
            assertTrue(answer.body().contains("<html"), "a page of the login theme, not bare text");
        }
    }

    @Test
    void theReviewPageKeepsItsOwnSecurityHeaders() throws Exception {
        KeycloakServer server = SharedKeycloak.server();
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.realmUrl() + "/two-step-recovery/review")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        List<String> csp = page.headers().allValues("Content-Security-Policy");
        assertEquals(1, csp.size(), "one policy, ours: " + csp);
        assertTrue(csp.get(0).contains("script-src 'self'") && csp.get(0).contains("frame-ancestors 'none'"), csp.get(0));
        assertEquals(List.of("DENY"), page.headers().allValues("X-Frame-Options"));
        assertEquals(List.of("nosniff"), page.headers().allValues("X-Content-Type-Options"));
        assertEquals(List.of("no-referrer"), page.headers().allValues("Referrer-Policy"));
    }

    /** The other realm's token even comes from a client named as our review page's. */
    @Test
    void aReviewerOfAnotherRealmIsNoReviewerHere() {
        try (Seller seller = new Seller()) {
            String realm = "other-" + seller.username;
            String token = seller.admin.otherRealmReviewerToken(realm, "two-step-recovery-reviewer");
            try {
                assertTrue(!token.isEmpty(), "the other realm's reviewer signed in there");
                assertEquals(403, seller.admin.getAs(token, QUEUE).statusCode());
            } finally {
                seller.admin.deleteRealm(realm);
            }
        }
    }
}
