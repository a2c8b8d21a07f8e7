package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.it.pages.TwoStepCodePage;
import dev.twostep.it.support.Jwt;
import dev.twostep.it.support.OidcApp;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;

/**
 * An app that delegates sign-in by OpenID Connect (authorization code + PKCE, the shipped {@code seller-portal}
 * client) learns from the ID token how the seller signed in, and can demand a code with {@code acr_values}.
 */
@ExtendWith(SharedKeycloak.class)
class OidcLoginIT {
    private Seller seller;
    private OidcApp app;

    @BeforeEach
    void setUp() {
        seller = new Seller();
        app = new OidcApp(seller.server);
    }

    @AfterEach
    void tearDown() {
        app.close();
        seller.close();
    }

    @Test
    void anAppsIdTokenProvesTheCode() {
        seller.importMethods();
        ChromeDriver browser = seller.newBrowser();
        OidcApp.Attempt attempt = app.start(null);
        String code = seller.signInForCode(browser, attempt.url());
        new TwoStepCodePage(browser).signIn(code);

        JsonNode id = app.idToken(attempt);
        assertEquals(seller.id, id.path("sub").asText());
        assertEquals("two-step", id.path("acr").asText());
        assertEquals(Set.of("pwd", "mfa", "sms"), Jwt.values(id, "amr"), "Keycloak's AMR mapper (password step, 2SV step) and ours (a text message)");
    }

    @Test
    void theAppClientDemandsPkce() {
        ChromeDriver browser = seller.newBrowser();
        OidcApp.Attempt attempt = app.start(null, false);
        browser.get(attempt.url());
        Map<String, String> back = app.awaitReturn(attempt);
        assertEquals("invalid_request", back.get("error"), back.toString());
        assertTrue(back.get("error_description").contains("code_challenge"), back.toString());
    }

    @Test
    void aTrustedDeviceIsALowerLevelAndAnAppCanDemandACode() {
        seller.importMethodsAndSignIn(true);
        ChromeDriver browser = seller.enrollingBrowser();
        int sent = seller.messageCount();

        // A trusted browser signs in with the password alone, and the token says so.
        seller.endSessionKeepTrust(browser);
        OidcApp.Attempt trusted = app.start(null);
        seller.signIn(browser, trusted.url());
        assertEquals("trusted-device", app.idToken(trusted).path("acr").asText());
        assertEquals(sent, seller.messageCount(), "no code for a trusted device");

        // Step-up in the same session: the app asks for a code-level sign-in; the password is confirmed and a
        // code is asked even though the browser is trusted.
        OidcApp.Attempt stepUp = app.start("two-step");
        browser.get(stepUp.url());
        seller.confirmPassword(browser);
        new TwoStepCodePage(browser).signIn(seller.latestMessage(sent + 1).get("code").asText());
        assertEquals("two-step", app.idToken(stepUp).path("acr").asText());

        // Without a session, the same demand also gets a code, not the trusted browser's free pass.
        seller.endSessionKeepTrust(browser);
        OidcApp.Attempt fresh = app.start("two-step");
        String code = seller.signInForCode(browser, fresh.url());
        assertEquals(sent + 2, seller.messageCount());
        new TwoStepCodePage(browser).signIn(code);
        assertEquals("two-step", app.idToken(fresh).path("acr").asText());
    }
}
