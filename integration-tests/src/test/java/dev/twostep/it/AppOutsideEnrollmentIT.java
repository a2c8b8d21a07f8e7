package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.it.pages.OtherMethodsPage;
import dev.twostep.it.pages.TwoStepCodePage;
import dev.twostep.it.support.AuthenticatorApp;
import dev.twostep.it.support.OidcApp;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;
import dev.twostep.it.support.TokenEndpoint;
import dev.twostep.it.support.Waits;

/**
 * Whoever holds a seller's open session cannot add an authenticator app of their own: the shipped realm
 * does not offer Keycloak's app set-up, and an app added there anyway (a realm that turned it on) is never
 * accepted, neither at sign-in nor by the password grant. Only the app our enrollment bound counts.
 */
@ExtendWith(SharedKeycloak.class)
class AppOutsideEnrollmentIT {
    private static final String CONFIGURE_TOTP = "CONFIGURE_TOTP";
    private Seller seller;
    private OidcApp app;
    private AuthenticatorApp bound;

    @BeforeEach
    void enrolled() {
        seller = new Seller();
        app = new OidcApp(seller.server);
        bound = seller.importMethodsAndSignIn(false);
    }

    @AfterEach
    void close() {
        app.close();
        seller.close();
    }

    @Test
    void theShippedRealmDoesNotOfferKeycloaksAppSetUp() {
        ChromeDriver browser = seller.enrollingBrowser();
        OidcApp.Attempt attempt = app.start(null);
        browser.get(attempt.url() + "&kc_action=" + CONFIGURE_TOTP);
        assertEquals("error", app.awaitReturn(attempt).get("kc_action_status"),
                "the app is told the action is not available");
        assertTrue(browser.findElements(By.id("totpSecret")).isEmpty(), "no app set-up page");
        assertEquals(1, seller.credentialsOfType("otp").size(), "no second app");
    }

    @Test
    void anAppAddedThroughKeycloaksSetUpIsNeverAccepted() {
        seller.admin.enableRequiredAction(CONFIGURE_TOTP, true);
        AuthenticatorApp rogue;
        try {
            rogue = addAppThroughKeycloak(seller.enrollingBrowser());
        } finally {
            seller.admin.enableRequiredAction(CONFIGURE_TOTP, false);
        }
        assertEquals(2, seller.credentialsOfType("otp").size(), "Keycloak stored the second app");

        TokenEndpoint tokens = new TokenEndpoint(seller.server);
        TokenEndpoint.Answer refused = tokens.passwordGrant(seller.username, Seller.PASSWORD,
                Map.of("otp", rogue.currentCode()));
        assertEquals(401, refused.status(), "the password grant refuses the unbound app: " + refused.body());

        ChromeDriver browser = seller.newBrowser();
        seller.signIn(browser);
        new TwoStepCodePage(browser).didntReceiveTheCode();
        new OtherMethodsPage(browser).use("backup");
        TwoStepCodePage code = new TwoStepCodePage(browser);
        code.signIn(rogue.currentCode());
        TwoStepCodePage wrong = new TwoStepCodePage(browser);
        assertTrue(wrong.errors().contains("code is invalid"), "sign-in refuses it: " + wrong.errors());
        // The app the enrollment bound still works (no code of it was used in this window).
        wrong.signIn(bound.currentCode());
        seller.awaitApp(browser);
    }

    /** Keycloak's own "Mobile Authenticator Setup", reached with kc_action as any app could ask for it. */
    private AuthenticatorApp addAppThroughKeycloak(ChromeDriver browser) {
        OidcApp.Attempt attempt = app.start(null);
        browser.get(attempt.url() + "&kc_action=" + CONFIGURE_TOTP);
        Waits.upTo(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("totpSecret")).isEmpty());
        AuthenticatorApp rogue = AuthenticatorApp.ofStoredSecret(
                browser.findElement(By.id("totpSecret")).getAttribute("value"));
        browser.findElement(By.id("totp")).sendKeys(rogue.currentCode());
        browser.findElement(By.id("userLabel")).sendKeys("Second app");
        browser.findElement(By.id("saveTOTPBtn")).click();
        assertEquals("success", app.awaitReturn(attempt).get("kc_action_status"));
        return rogue;
    }
}
