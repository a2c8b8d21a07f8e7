package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.it.pages.RecoveryStatusPage;
import dev.twostep.it.pages.RecoveryUploadPage;
import dev.twostep.it.pages.SecuritySettingsPage;
import dev.twostep.it.support.AdminApi;
import dev.twostep.it.support.AuthenticatorApp;
import dev.twostep.it.support.Documents;
import dev.twostep.it.support.Jwt;
import dev.twostep.it.support.OidcApp;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;
import dev.twostep.it.support.TokenEndpoint;

/**
 * An offline token outlives every browser: whatever ends a seller's sessions after a change of 2SV ends it
 * too, so a thief who took one before cannot refresh it afterwards.
 */
@ExtendWith(SharedKeycloak.class)
class OfflineSessionsEndIT {
    @TempDir
    static Path files;
    private Seller seller;
    private TokenEndpoint tokens;
    private OidcApp app;
    private AuthenticatorApp authenticator;

    @BeforeEach
    void enrolled() {
        seller = new Seller();
        tokens = new TokenEndpoint(seller.server);
        app = new OidcApp(seller.server);
        authenticator = seller.importMethodsAndSignIn(false);
    }

    @AfterEach
    void close() {
        app.close();
        seller.close();
    }

    /** An offline refresh token taken with the password and an app code, shown to work before the change. */
    private String offlineToken() {
        TokenEndpoint.Answer granted = tokens.passwordGrant(seller.username, Seller.PASSWORD,
                Map.of("otp", authenticator.currentCode(), "scope", "openid offline_access"));
        assertEquals(200, granted.status(), granted.body().toString());
        String refresh = granted.body().path("refresh_token").asText();
        assertEquals("Offline", Jwt.claims(refresh).path("typ").asText(), "an offline token");
        TokenEndpoint.Answer refreshed = tokens.refresh(refresh);
        assertEquals(200, refreshed.status(), "it refreshes before: " + refreshed.body());
        return refresh;
    }

    private void assertRefused(String offline, String after) {
        TokenEndpoint.Answer refreshed = tokens.refresh(offline);
        assertEquals(400, refreshed.status(), after + ": " + refreshed.body());
        assertEquals("invalid_grant", refreshed.body().path("error").asText(), after);
        assertEquals(0, seller.admin.offlineSessions(seller.id).size(), after + ": no offline session is left");
    }

    @Test
    void disablingTwoStepEndsOfflineSessions() {
        String offline = offlineToken();
        SecuritySettingsPage settings = seller.openSettings(seller.enrollingBrowser(), app.start(null));
        settings.disableAndConfirm();
        assertRefused(offline, "after Disable Two-Step Verification");
    }

    @Test
    void signingOutOtherSessionsEndsOfflineSessions() {
        String offline = offlineToken();
        SecuritySettingsPage settings = seller.openSettings(seller.enrollingBrowser(), app.start(null));
        SecuritySettingsPage signedOut = settings.swap().signOutOtherSessions();
        assertTrue(signedOut.errors().contains("other sessions were signed out"), signedOut.errors());
        assertRefused(offline, "after Sign out all other sessions");
        assertEquals(1, seller.admin.sessions(seller.id).size(), "this browser's own session stays");
    }

    @Test
    void approvingARecoveryEndsOfflineSessions() {
        String offline = offlineToken();
        ChromeDriver browser = seller.toAccountRecovery();
        new RecoveryUploadPage(browser).attach(new Documents(files).file("scan.pdf", Documents.pdf())).send();
        assertEquals("PENDING", new RecoveryStatusPage(browser).status());
        String id = seller.admin.recoveryRequestsOf(seller.id).get(0).path("id").asText();
        assertEquals(200, seller.admin.post("/two-step-recovery/requests/" + id + "/approve", Map.of()).statusCode());
        assertRefused(offline, "after a recovery approval");
    }
}
