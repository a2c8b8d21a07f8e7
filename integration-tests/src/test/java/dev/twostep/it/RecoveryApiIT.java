package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.twostep.it.support.AuthenticatorApp;
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

            AuthenticatorApp app = seller.enrollTextMessageWithAppBackup(false);
            TokenEndpoint tokens = new TokenEndpoint(seller.server);
            String sellerToken = tokens.passwordGrant(seller.username, Seller.PASSWORD,
                    Map.of("otp", app.currentCode())).body().path("access_token").asText();
            assertEquals(403, seller.admin.getAs(sellerToken, QUEUE).statusCode(), "a seller is no reviewer");

            seller.admin.grantRealmRole(seller.id, "two-step-recovery-reviewer");
            // The same token: the role is read from the user at each call, not from the token.
            HttpResponse<String> asReviewer = seller.admin.getAs(sellerToken, QUEUE);
            assertEquals(200, asReviewer.statusCode(), asReviewer.body());
        }
    }

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
