package dev.twostep.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.it.pages.OtherMethodsPage;
import dev.twostep.it.pages.RecoveryInfoPage;
import dev.twostep.it.pages.SecuritySettingsPage;
import dev.twostep.it.pages.SignInPage;
import dev.twostep.it.pages.TwoStepCodePage;

/**
 * A fresh seller for one test (created by the admin API, no 2SV) with the browsers they use; what tests
 * read back from the server about that seller goes through here too. Close it after the test.
 */
public final class Seller implements AutoCloseable {
    public static final String PASSWORD = "Sell3r-Pass!";
    public static final String NEW_PASSWORD = "Sell3r-Pass-2!";
    public static final String TRUST_COOKIE = "TWO_STEP_TRUSTED_DEVICE";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final KeycloakServer server;
    public final AdminApi admin;
    public final Outbox outbox;
    public final String username;
    public final String id;
    /** This seller's own Italian mobile (national form), ending in 4567 so that masks are predictable. */
    public final String phone;
    /** A second mobile of this seller, ending in 6543. */
    public final String otherPhone;
    private final List<ChromeDriver> browsers = new ArrayList<>();
    private ChromeDriver lastBrowser;

    /** A seller without 2SV, as a user who has never signed in since 2SV became a requirement. */
    public Seller() {
        server = SharedKeycloak.server();
        admin = new AdminApi(server);
        outbox = new Outbox(server.outbox());
        username = "seller-" + UUID.randomUUID().toString().substring(0, 8);
        // Each seller has numbers of their own, so per-number send limits never join two tests.
        java.util.Random random = new java.util.Random();
        // Ten thousand of each (mobile prefixes 340-349 and 330-339): tests that lower a per-number limit must
        // not meet another test's seller on the same number.
        phone = String.format("34%d%03d4567", random.nextInt(10), random.nextInt(1000));
        otherPhone = String.format("33%d%03d6543", random.nextInt(10), random.nextInt(1000));
        id = admin.createSeller(username, PASSWORD);
    }

    /**
     * A seller whose 2SV is set up already (see {@link #importMethods()}), for tests where the enrollment is
     * not what is tested: it saves the enrollment's pages.
     */
    public static Seller withMethods() {
        Seller seller = new Seller();
        seller.importMethods();
        return seller;
    }

    private AuthenticatorApp app;

    /**
     * Gives the seller what the enrollment gives, as an admin migrating users imports them: text messages to
     * {@link #phone} as primary, the app ({@link #importedApp()}) as backup. The user is imported again under the
     * same id and password, so do it before the seller signs in anywhere.
     */
    public AuthenticatorApp importMethods() {
        String secret = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Map<String, Object> user = new java.util.HashMap<>(AdminApi.sellerWithMethods(username, password,
                e164(phone), secret, false));
        user.put("id", id);
        // An import grants only the roles it names; a user the admin API creates gets the realm's defaults
        // (offline_access among them).
        user.put("realmRoles", List.of("default-roles-" + KeycloakServer.REALM));
        admin.overwriteUser(user);
        app = AuthenticatorApp.ofStoredSecret(secret);
        return app;
    }

    /** The backup app of a seller whose methods were imported. */
    public AuthenticatorApp importedApp() {
        if (app == null) {
            throw new IllegalStateException("this seller's methods were not imported: enroll in the browser");
        }
        return app;
    }

    /**
     * What a seller has right after the enrollment, without its pages: the methods imported, then a sign-in
     * with the code (one text message, as the enrollment's check of the phone) in a new browser, trusted
     * when {@code trustThisDevice}, ending in the app ({@link #enrollingBrowser()}). Returns the app.
     */
    public AuthenticatorApp importMethodsAndSignIn(boolean trustThisDevice) {
        AuthenticatorApp imported = importMethods();
        signedInBrowser(trustThisDevice);
        return imported;
    }

    /**
     * Signs in with the password and the code in a new browser, ticking "Don't require codes on this device"
     * when {@code trustThisDevice}; the browser ends in the app. What a seller's browser is like right after
     * the enrollment, for a seller made {@link #withMethods()}.
     */
    public ChromeDriver signedInBrowser(boolean trustThisDevice) {
        ChromeDriver browser = newBrowser();
        String code = signInForCode(browser);
        TwoStepCodePage page = new TwoStepCodePage(browser);
        if (trustThisDevice) {
            page.dontRequireCodesOnThisDevice();
        }
        page.signIn(code);
        awaitApp(browser);
        lastBrowser = browser;
        return browser;
    }

    public static String e164(String italianNational) {
        return "+39" + italianNational;
    }

    /** A new browser with no cookies: another device, as far as the server can tell. */
    public ChromeDriver newBrowser() {
        ChromeDriver opened = Browser.take();
        browsers.add(opened);
        return opened;
    }

    private String password = PASSWORD;

    /** Opens the app ({@link LandingApp}) in {@code browser} and signs in with username and password. */
    public void signIn(WebDriver browser) {
        signIn(browser, LandingApp.of(server).signInUrl());
    }

    /** True once {@code url} is the app's: the landing page, or the Account Console a test opened itself. */
    public boolean inApp(String url) {
        return LandingApp.of(server).owns(url) || url.startsWith(server.accountUrl());
    }

    /** Opens {@code appUrl} (an app, or an authorization request) and signs in with username and password. */
    public void signIn(WebDriver browser, String appUrl) {
        SignInPage.open(browser, appUrl).signIn(username, password);
    }

    /** Answers Keycloak's "please re-authenticate" page, which shows only the password field. */
    public void confirmPassword(WebDriver browser) {
        new SignInPage(browser).confirmPassword(password);
    }

    /** An admin resets the seller's password; later sign-ins use the new one. */
    public void passwordResetByAdmin() {
        admin.resetPassword(id, NEW_PASSWORD);
        password = NEW_PASSWORD;
    }

    /** Waits until the app has opened: no login page is left. */
    public void awaitApp(WebDriver browser) {
        try {
            Waits.upTo(browser, Duration.ofSeconds(30)).until(d -> inApp(d.getCurrentUrl()));
        } catch (org.openqa.selenium.TimeoutException e) {
            Screenshots.save(browser, "not-in-app-" + System.currentTimeMillis());
            throw new AssertionError("the app did not open; the browser shows " + browser.getCurrentUrl() + ": "
                    + browser.findElement(org.openqa.selenium.By.tagName("body")).getText(), e);
        }
        if (browser.getCurrentUrl().contains("login-actions")) {
            throw new AssertionError("still on a login page: " + browser.getCurrentUrl());
        }
    }

    /**
     * Enrolls in a new browser: text messages to {@link #phone} as primary, the app as backup. Returns
     * the app, to make codes with; the browser ends in the app.
     */
    public AuthenticatorApp enrollTextMessageWithAppBackup(boolean trustThisDevice) {
        ChromeDriver browser = newBrowser();
        signIn(browser);
        EnrollmentWalk walk = enrollment(browser);
        walk.textMessage(phone);
        AuthenticatorApp app = walk.app();
        walk.finish(trustThisDevice);
        awaitApp(browser);
        lastBrowser = browser;
        return app;
    }

    /** The browser most recently opened by {@link #enrollTextMessageWithAppBackup}. */
    public ChromeDriver enrollingBrowser() {
        return lastBrowser;
    }

    /** Signs in with the password, waits for the code page, and returns the code sent to the primary phone. */
    public String signInForCode(WebDriver browser) {
        return signInForCode(browser, LandingApp.of(server).signInUrl());
    }

    /** A whole sign-in with the code sent to the primary phone, ending in the app. */
    public void signInWithCode(WebDriver browser) {
        String code = signInForCode(browser);
        new TwoStepCodePage(browser).signIn(code);
        awaitApp(browser);
    }

    /** As {@link #signInForCode(WebDriver)}, starting at {@code appUrl}. */
    public String signInForCode(WebDriver browser, String appUrl) {
        signIn(browser, appUrl);
        new TwoStepCodePage(browser);
        return latestMessage(messageCount()).get("code").asText();
    }

    /** Password, then "Didn't receive the code?" → account recovery → "Start account recovery", in a new browser. */
    public ChromeDriver toAccountRecovery() {
        ChromeDriver browser = newBrowser();
        signIn(browser);
        new TwoStepCodePage(browser).didntReceiveTheCode();
        OtherMethodsPage others = new OtherMethodsPage(browser);
        if (!others.recoveryNews().isEmpty()) {
            // A request was sent already: the page offers it instead of a new start.
            others.openRecoveryRequest();
            return browser;
        }
        others.startAccountRecovery();
        RecoveryInfoPage info = new RecoveryInfoPage(browser);
        if (!info.offersToStart()) {
            throw new AssertionError("the recovery page offers no start: " + browser.getCurrentUrl());
        }
        info.start();
        return browser;
    }

    /**
     * Opens Advanced Security Settings from the app's {@code attempt} in {@code browser} and answers the
     * fresh code sent to the primary phone; the settings never offer to trust the browser.
     */
    public SecuritySettingsPage openSettings(WebDriver browser, OidcApp.Attempt attempt) {
        int sent = messageCount();
        browser.get(attempt.url() + "&kc_action=two-step-settings");
        TwoStepCodePage code = new TwoStepCodePage(browser);
        if (code.offersToTrustThisDevice()) {
            throw new AssertionError("the settings offer to trust this browser");
        }
        if (code.errors().contains("Please wait")) {
            // The sign-in that just sent this number a code holds its turn for the suite's 1 s cooldown, and a
            // quick test gets here sooner: as a seller would, wait and ask for the code again.
            Pause.millis(1100);
            code.sendAgain();
            code = new TwoStepCodePage(browser);
        }
        String fresh = latestMessage(sent + 1).get("code").asText();
        code.signIn(fresh);
        return new SecuritySettingsPage(browser);
    }

    /** A well-formed code that is surely not {@code right}. */
    public static String wrongCode(String right) {
        return right.equals("000000") ? "111111" : "000000";
    }

    public EnrollmentWalk enrollment(WebDriver browser) {
        return new EnrollmentWalk(browser, outbox, username);
    }

    public JsonNode latestMessage(int expectedCount) {
        return outbox.latestFor(username, expectedCount);
    }

    public int messageCount() {
        return outbox.messagesFor(username).size();
    }

    public List<JsonNode> credentials() {
        List<JsonNode> credentials = new ArrayList<>();
        admin.credentials(id).forEach(credentials::add);
        return credentials;
    }

    /** Credential types as the admin REST API lists them, sorted. */
    public List<String> credentialTypes() {
        return credentials().stream().map(c -> c.get("type").asText()).sorted().toList();
    }

    public List<JsonNode> credentialsOfType(String type) {
        return credentials().stream().filter(c -> c.get("type").asText().equals(type)).toList();
    }

    public static JsonNode data(JsonNode credential) {
        try {
            return JSON.readTree(credential.get("credentialData").asText());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public List<String> requiredActions() {
        List<String> actions = new ArrayList<>();
        admin.user(id).path("requiredActions").forEach(action -> actions.add(action.asText()));
        return actions;
    }

    /**
     * The browser's cookie of that name for Keycloak's realm path (null if none), read on a plain JSON page of
     * the realm: the app the browser may be on is another origin, whose cookies these are not.
     */
    public Cookie keycloakCookie(WebDriver browser, String name) {
        browser.get(server.realmUrl() + "/.well-known/openid-configuration");
        return browser.manage().getCookieNamed(name);
    }

    /** Ends the Keycloak session in this browser but keeps its trusted-device cookie. */
    public void endSessionKeepTrust(WebDriver browser) {
        endSessionKeeping(browser, TRUST_COOKIE);
    }

    /** Ends the Keycloak session in this browser but keeps its cookie {@code name}, which must be set. */
    public void endSessionKeeping(WebDriver browser, String name) {
        Cookie kept = keycloakCookie(browser, name);
        if (kept == null) {
            throw new AssertionError("the cookie " + name + " is not set");
        }
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(kept);
    }

    @Override
    public void close() {
        browsers.forEach(browser -> Browser.giveBack(browser, server.baseUrl()));
    }
}
