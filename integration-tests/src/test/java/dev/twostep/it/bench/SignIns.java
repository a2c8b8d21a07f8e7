package dev.twostep.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;

import dev.twostep.it.support.FormBrowser;
import dev.twostep.it.support.FormBrowser.Page;
import dev.twostep.it.support.KeycloakServer;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.TwilioInbox;

/**
 * The five sign-ins the benchmark compares, each in a browser made beforehand (so that making the HTTP
 * client is not timed) and up to the app's redirect with the code.
 */
final class SignIns {
    private final KeycloakServer server;
    private final TwilioInbox phones;

    SignIns(KeycloakServer server, TwilioInbox phones) {
        this.server = server;
        this.phones = phones;
    }

    static FormBrowser browser(KeycloakServer server) {
        return new FormBrowser(List.of(server.baseUrl()));
    }

    static Page password(FormBrowser browser, KeycloakServer server, String clientId, BenchUser user) {
        Page login = browser.get(FormBrowser.authorizationUrl(server.baseUrl(), clientId, null));
        return browser.submit(login, "kc-form-login", null,
                Map.of("username", user.username(), "password", Seller.PASSWORD, "credentialId", ""));
    }

    void passwordOnly(BenchUser user, FormBrowser browser) {
        reachesApp(password(browser, server, BenchRealm.PASSWORD_CLIENT, user));
    }

    void keycloakOtpForm(BenchUser user, FormBrowser browser) {
        Page otp = password(browser, server, BenchRealm.OTP_FORM_CLIENT, user);
        assertEquals("login-otp", otp.template(), otp.body());
        reachesApp(browser.submit(otp, "kc-otp-login-form", null, Map.of("otp", user.appCode(), "login", "Sign In")));
    }

    void twoStepApp(BenchUser user, FormBrowser browser) {
        reachesApp(code(browser, password(browser, server, BenchRealm.TWO_STEP_CLIENT, user), user.appCode()));
    }

    void twoStepSms(BenchUser user, FormBrowser browser) {
        Page codePage = password(browser, server, BenchRealm.TWO_STEP_CLIENT, user);
        reachesApp(code(browser, codePage, phones.await(user.phone(), 1).code()));
    }

    /** {@code trusted}: the browser the user trusted (with a code) at least 90 s before. */
    void trustedDevice(BenchUser user, FormBrowser trusted) {
        reachesApp(password(trusted, server, BenchRealm.TWO_STEP_CLIENT, user));
    }

    private static Page code(FormBrowser browser, Page codePage, String code) {
        assertEquals("two-step-verify", codePage.template(), codePage.body());
        return browser.submit(codePage, "two-step-verify-form", null, Map.of("action", "verify", "code", code));
    }

    private static void reachesApp(Page page) {
        assertNotNull(page.leftTo(), "the sign-in did not reach the app: " + page.body());
    }
}
