package dev.twostep.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.twostep.it.support.FormBrowser;
import dev.twostep.it.support.FormBrowser.Page;
import dev.twostep.it.support.KeycloakServer;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.TwilioInbox;

/**
 * The sign-ins the benchmark compares, each in a browser made beforehand (so that making the HTTP client is
 * not timed) and up to the app's redirect with the code. With several nodes, each request of a sign-in goes
 * to the next node, as behind a round-robin balancer, and each sign-in starts on the node after the last one's.
 */
final class SignIns {
    private static final Pattern CONTINUE = Pattern.compile("id=\"loginContinueLink\" href=\"([^\"]+)\"");
    private static final Pattern TAB_ID = Pattern.compile("(?:^|&)tab_id=([^&]+)");
    private static final Pattern DELIVERY_STATUS = Pattern.compile("data-delivery-status=\"([^\"]+)\"");

    private final List<KeycloakServer> nodes;
    private final TwilioInbox phones;
    private final AtomicInteger started = new AtomicInteger();

    SignIns(List<KeycloakServer> nodes, TwilioInbox phones) {
        this.nodes = List.copyOf(nodes);
        this.phones = phones;
    }

    FormBrowser browser() {
        return new FormBrowser(nodes.stream().map(KeycloakServer::baseUrl).toList());
    }

    /** The nodes of one sign-in, in the order its requests go to them. */
    private final class Route {
        private int next = started.getAndIncrement();

        String node() {
            return nodes.get(Math.floorMod(next++, nodes.size())).baseUrl();
        }
    }

    private Page password(FormBrowser browser, Route route, String clientId, BenchUser user) {
        Page login = browser.get(FormBrowser.authorizationUrl(route.node(), clientId, null));
        return browser.submit(login, "kc-form-login", route.node(),
                Map.of("username", user.username(), "password", Seller.PASSWORD, "credentialId", ""));
    }

    void passwordOnly(BenchUser user, FormBrowser browser) {
        reachesApp(password(browser, new Route(), BenchRealm.PASSWORD_CLIENT, user));
    }

    void keycloakOtpForm(BenchUser user, FormBrowser browser) {
        Route route = new Route();
        Page otp = password(browser, route, BenchRealm.OTP_FORM_CLIENT, user);
        assertEquals("login-otp", otp.template(), otp.body());
        reachesApp(browser.submit(otp, "kc-otp-login-form", route.node(),
                Map.of("otp", user.appCode(), "login", "Sign In")));
    }

    void twoStepApp(BenchUser user, FormBrowser browser) {
        Route route = new Route();
        reachesApp(code(browser, route, password(browser, route, BenchRealm.TWO_STEP_CLIENT, user), user.appCode()));
    }

    void twoStepSms(BenchUser user, FormBrowser browser) {
        int text = phones.count(user.phone()) + 1;
        Route route = new Route();
        Page codePage = password(browser, route, BenchRealm.TWO_STEP_CLIENT, user);
        reachesApp(code(browser, route, codePage, phones.await(user.phone(), text).code()));
    }

    /**
     * As {@link #twoStepSms}, the way a seller on a slow phone does it: the password sent twice (a double
     * click), the code page reloaded, the page's own check of the text's delivery three times, then the code.
     * Still one text message.
     */
    void twoStepSmsImpatient(BenchUser user, FormBrowser browser) {
        int text = phones.count(user.phone()) + 1;
        Route route = new Route();
        Page login = browser.get(FormBrowser.authorizationUrl(route.node(), BenchRealm.TWO_STEP_CLIENT, null));
        Map<String, String> fields = Map.of("username", user.username(), "password", Seller.PASSWORD, "credentialId", "");
        browser.submit(login, "kc-form-login", route.node(), fields);
        Page codePage = browser.submit(login, "kc-form-login", route.node(), fields);
        if ("login-page-expired".equals(codePage.template())) {
            // Keycloak's answer to the second click; the seller takes "To continue the login process".
            Matcher next = CONTINUE.matcher(codePage.body());
            if (!next.find()) {
                throw new AssertionError("no way to continue on " + codePage.body());
            }
            codePage = browser.get(route.node() + URI.create(next.group(1).replace("&amp;", "&")).getRawPath() + "?"
                    + URI.create(next.group(1).replace("&amp;", "&")).getRawQuery());
        }
        assertEquals("two-step-verify", codePage.template(), codePage.body());
        // A reload asks for the step anew, without the spent session code: Keycloak shows the current page.
        codePage = browser.get(route.node() + codePage.uri().getRawPath() + "?"
                + codePage.uri().getRawQuery().replaceAll("(^|&)session_code=[^&]*", ""));
        assertEquals("two-step-verify", codePage.template(), codePage.body());
        Matcher status = DELIVERY_STATUS.matcher(codePage.body());
        if (status.find()) {
            String url = status.group(1).replace("&amp;", "&");
            for (int check = 0; check < 3; check++) {
                browser.get(url.startsWith("http") ? url : route.node() + url);
            }
        }
        reachesApp(code(browser, route, codePage, phones.await(user.phone(), text).code()));
    }

    /**
     * An SMS sign-in that stops at the code page to ask the notes probe what its login's notes weigh, then
     * goes on with the code: the probe's JSON.
     */
    String notesAtCodePage(BenchUser user, FormBrowser browser) {
        int text = phones.count(user.phone()) + 1;
        Route route = new Route();
        Page codePage = password(browser, route, BenchRealm.TWO_STEP_CLIENT, user);
        assertEquals("two-step-verify", codePage.template(), codePage.body());
        Matcher tab = TAB_ID.matcher(codePage.uri().getRawQuery());
        if (!tab.find()) {
            throw new AssertionError("no tab_id in " + codePage.uri());
        }
        Page notes = browser.get(route.node() + "/realms/" + KeycloakServer.REALM + "/two-step-bench-probe/notes?tab_id="
                + tab.group(1));
        assertEquals(200, notes.status(), "the notes probe (is its JAR in providers/?): " + notes.body());
        reachesApp(code(browser, route, codePage, phones.await(user.phone(), text).code()));
        return notes.body();
    }

    /** Our entries in the single-use store by kind, as the benchmark's probe counts them: JSON of kind to count. */
    String singleUseEntries() {
        Page entries = browser().get(nodes.get(0).baseUrl() + "/realms/" + KeycloakServer.REALM
                + "/two-step-bench-probe/single-use");
        assertEquals(200, entries.status(), "the single-use probe: " + entries.body());
        return entries.body();
    }

    /** {@code trusted}: the browser the user trusted (with a code) at least 90 s before. */
    void trustedDevice(BenchUser user, FormBrowser trusted) {
        reachesApp(password(trusted, new Route(), BenchRealm.TWO_STEP_CLIENT, user));
    }

    /** A browser the user trusts from now on ("Don't require codes on this device"), signed out again. */
    FormBrowser trustBrowser(BenchUser user) {
        FormBrowser browser = browser();
        Route route = new Route();
        Page codePage = password(browser, route, BenchRealm.TWO_STEP_CLIENT, user);
        assertEquals("two-step-verify", codePage.template(), codePage.body());
        Page app = browser.submit(codePage, "two-step-verify-form", route.node(),
                Map.of("action", "verify", "code", user.appCode(), "trustDevice", "on"));
        assertNotNull(app.leftTo(), app.body());
        browser.forgetCookiesBut("TWO_STEP_TRUSTED_DEVICE");
        return browser;
    }

    private static Page code(FormBrowser browser, Route route, Page codePage, String code) {
        assertEquals("two-step-verify", codePage.template(), codePage.body());
        return browser.submit(codePage, "two-step-verify-form", route.node(), Map.of("action", "verify", "code", code));
    }

    private static void reachesApp(Page page) {
        assertNotNull(page.leftTo(), "the sign-in did not reach the app: " + page.body());
    }
}
