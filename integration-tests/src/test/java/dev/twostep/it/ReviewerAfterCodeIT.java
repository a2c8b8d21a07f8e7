package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.it.pages.RecoveryStatusPage;
import dev.twostep.it.pages.RecoveryUploadPage;
import dev.twostep.it.pages.TwoStepCodePage;
import dev.twostep.it.support.AdminApi;
import dev.twostep.it.support.Documents;
import dev.twostep.it.support.Jwt;
import dev.twostep.it.support.OidcApp;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;

/**
 * A recovery decision takes 2SV off an account, so the reviewers' API takes only tokens from a sign-in with
 * a code: not from a trusted browser, not from a session reused by SSO. And a reviewer by role sees only the
 * requests they may decide.
 */
@ExtendWith(SharedKeycloak.class)
class ReviewerAfterCodeIT {
    private static final String CLIENT = "two-step-review";
    private static final String QUEUE = "/two-step-recovery/requests";
    private static final String MINIMUM_ACR = "minimum.acr.value";
    @TempDir
    static Path files;
    private Seller reviewer;
    private OidcApp review;

    @BeforeEach
    void reviewerEnrolled() {
        reviewer = new Seller();
        reviewer.importMethodsAndSignIn(true);
        reviewer.admin.grantRealmRole(reviewer.id, "two-step-recovery-reviewer");
        review = new OidcApp(reviewer.server, CLIENT);
    }

    @AfterEach
    void close() {
        review.close();
        reviewer.close();
    }

    /** Sends the browser to the review client's sign-in and exchanges the code the app gets back. */
    private String token(ChromeDriver browser, OidcApp.Attempt attempt) {
        return review.exchange(review.awaitCode(attempt), attempt.verifier()).body().path("access_token").asText();
    }

    /** A pending recovery request of {@code seller}, sent from a new browser; returns its id. */
    private static String pendingRequest(Seller seller) {
        ChromeDriver browser = seller.toAccountRecovery();
        new RecoveryUploadPage(browser).attach(new Documents(files).file("scan-" + seller.username + ".pdf",
                Documents.pdf())).send();
        assertEquals("PENDING", new RecoveryStatusPage(browser).status());
        return seller.admin.recoveryRequestsOf(seller.id).get(0).path("id").asText();
    }

    @Test
    void theReviewClientAsksATrustedBrowserForACode() {
        ChromeDriver browser = reviewer.enrollingBrowser();
        reviewer.endSessionKeepTrust(browser);
        OidcApp.Attempt attempt = review.start(null);
        int sent = reviewer.messageCount();
        reviewer.signIn(browser, attempt.url());
        new TwoStepCodePage(browser).signIn(reviewer.latestMessage(sent + 1).get("code").asText());
        String token = token(browser, attempt);
        assertEquals("two-step", Jwt.claims(token).path("acr").asText());
        assertEquals(200, reviewer.admin.getAs(token, QUEUE).statusCode(), "a code opens the queue");
    }

    @Test
    void tokensWithoutACodeOpenNothing() {
        try (Seller seller = new Seller()) {
            seller.importMethods();
            String id = pendingRequest(seller);
            // As a realm whose review client does not demand a code would let them in.
            Map<String, String> before = reviewer.admin.changeClientAttributes(CLIENT, nullValue(MINIMUM_ACR));
            try {
                ChromeDriver browser = reviewer.enrollingBrowser();
                reviewer.endSessionKeepTrust(browser);
                OidcApp.Attempt trusted = review.start(null);
                reviewer.signIn(browser, trusted.url());
                String byTrustedBrowser = token(browser, trusted);
                assertEquals("trusted-device", Jwt.claims(byTrustedBrowser).path("acr").asText());

                OidcApp.Attempt sso = review.start(null);
                browser.get(sso.url());
                String bySso = token(browser, sso);
                assertFalse("two-step".equals(Jwt.claims(bySso).path("acr").asText()), "SSO gives no code level");

                for (String token : new String[] {byTrustedBrowser, bySso}) {
                    assertEquals(403, reviewer.admin.getAs(token, QUEUE).statusCode());
                    assertEquals(403, reviewer.admin.getAs(token, QUEUE + "/" + id).statusCode());
                    assertEquals(403, postAs(token, QUEUE + "/" + id + "/approve").statusCode());
                }
            } finally {
                reviewer.admin.changeClientAttributes(CLIENT, before);
            }
            assertEquals("PENDING", seller.admin.recoveryRequestsOf(seller.id).get(0).path("status").asText(),
                    "nothing was decided");
        }
    }

    @Test
    void aReviewerByRoleSeesOnlyRequestsTheyMayDecide() {
        try (Seller plain = new Seller(); Seller otherReviewer = new Seller()) {
            plain.importMethods();
            otherReviewer.importMethods();
            String plainRequest = pendingRequest(plain);
            String reviewersRequest = pendingRequest(otherReviewer);
            otherReviewer.admin.grantRealmRole(otherReviewer.id, "two-step-recovery-reviewer");

            OidcApp.Attempt attempt = review.start(null);
            ChromeDriver browser = reviewer.enrollingBrowser();
            int sent = reviewer.messageCount();
            browser.get(attempt.url());
            reviewer.confirmPassword(browser);
            new TwoStepCodePage(browser).signIn(reviewer.latestMessage(sent + 1).get("code").asText());
            String token = token(browser, attempt);

            String queue = reviewer.admin.getAs(token, QUEUE).body();
            assertTrue(queue.contains(plainRequest), "a plain seller's request is listed");
            assertFalse(queue.contains(reviewersRequest), "another reviewer's is not: " + queue);
            assertEquals(403, reviewer.admin.getAs(token, QUEUE + "/" + reviewersRequest).statusCode());
            assertEquals(200, reviewer.admin.getAs(token, QUEUE + "/" + plainRequest).statusCode());
            assertEquals(200, reviewer.admin.getAs(null, QUEUE + "/" + reviewersRequest).statusCode(),
                    "an admin who may manage every user sees it");
        }
    }

    private HttpResponse<String> postAs(String bearer, String path) {
        return reviewer.admin.postAs(bearer, path, Map.of());
    }

    private static Map<String, String> nullValue(String key) {
        Map<String, String> map = new HashMap<>();
        map.put(key, null);
        return map;
    }
}
