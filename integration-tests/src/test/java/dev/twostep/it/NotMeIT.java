package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import com.fasterxml.jackson.databind.JsonNode;

import dev.twostep.it.support.AdminApi;
import dev.twostep.it.support.AuthenticatorApp;
import dev.twostep.it.support.MailCatcher;
import dev.twostep.it.support.OidcApp;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;
import dev.twostep.it.support.TokenEndpoint;
import dev.twostep.it.support.Waits;

/**
 * "This wasn't me" in a notice e-mail: after the password it ends every session (offline ones too) and forgets
 * every trusted device, records it for admins, keeps the methods, and works once.
 */
@ExtendWith(SharedKeycloak.class)
class NotMeIT {
    private static final Pattern LINK = Pattern.compile("https?://\\S+/two-step-not-me\\?t=[A-Za-z0-9._-]+");
    private static MailCatcher mail;
    private Seller seller;
    private OidcApp app;

    @BeforeAll
    static void catchMail() {
        mail = new MailCatcher(new AdminApi(SharedKeycloak.server()));
    }

    @AfterAll
    static void releaseMail() {
        mail.close();
    }

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

    /** Switches primary and backup in the settings, which sends the seller a notice; returns its link. */
    private String noticeLink(ChromeDriver browser) {
        seller.openSettings(browser, app.start(null)).swap();
        String text = MailCatcher.text(mail.awaitFor(seller.username + "@example.com", 1).get(0));
        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), "a This wasn't me link in: " + text);
        assertFalse(text.replaceAll("https?://\\S+", "").matches("(?s).*\\b\\d{6}\\b.*"),
                "no code in the e-mail (the link's token aside)");
        return link.group();
    }

    /** Waits for the "This wasn't me" page in {@code state} (ASK, DONE or INVALID). */
    private static void awaitState(ChromeDriver browser, String state) {
        try {
            Waits.upTo(browser, java.time.Duration.ofSeconds(15)).until(d -> d.findElements(By.id("two-step-not-me"))
                    .stream().anyMatch(page -> state.equals(page.getAttribute("data-state"))));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected the " + state + " page, the browser shows: "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Types {@code password} and confirms, waiting until the browser has left the page. */
    private static void confirm(ChromeDriver browser, String password) {
        org.openqa.selenium.WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("not-me")).click();
        Waits.upTo(browser, java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    @Test
    void afterThePasswordEverySessionEndsEveryTrustedDeviceIsForgottenAndTheMethodsStay() throws Exception {
        AuthenticatorApp authenticator = seller.importMethodsAndSignIn(true);
        ChromeDriver trusted = seller.enrollingBrowser();
        TokenEndpoint tokens = new TokenEndpoint(seller.server);
        TokenEndpoint.Answer granted = tokens.passwordGrant(seller.username, Seller.PASSWORD,
                Map.of("otp", authenticator.currentCode(), "scope", "openid offline_access"));
        assertEquals(200, granted.status(), granted.body().toString());
        String offline = granted.body().path("refresh_token").asText();
        String link = noticeLink(trusted);
        assertEquals(1, seller.credentialsOfType("two-step-trusted-device").size());
        assertFalse(seller.admin.sessions(seller.id).isEmpty());

        ChromeDriver mailbox = seller.newBrowser();
        mailbox.get(link);
        awaitState(mailbox, "ASK");
        assertEquals(1, seller.credentialsOfType("two-step-trusted-device").size());
        confirm(mailbox, "not-the-password");
        awaitState(mailbox, "ASK");
        assertTrue(mailbox.findElement(By.tagName("body")).getText().contains("The password is not right"));
        assertEquals(1, seller.credentialsOfType("two-step-trusted-device").size(), "a wrong password does nothing");
        assertEquals(1, seller.admin.bruteForce(seller.id).path("numFailures").asInt(),
                "but counts against the realm's lockout, as at the sign-in");
        confirm(mailbox, Seller.PASSWORD);
        awaitState(mailbox, "DONE");
        String done = mailbox.findElement(By.tagName("body")).getText();
        assertTrue(done.contains("signed out on every device"), done);
        assertTrue(done.contains("account recovery"), "what to do without the methods: " + done);

        assertEquals(0, seller.admin.sessions(seller.id).size(), "no session left");
        assertEquals(0, seller.admin.offlineSessions(seller.id).size(), "no offline session left");
        assertEquals(400, tokens.refresh(offline).status(), "the offline token is refused");
        assertEquals(List.of(), seller.credentialsOfType("two-step-trusted-device"), "no trusted device left");
        assertTrue(seller.credentialTypes().containsAll(List.of("two-step-phone", "otp")), "the methods stay");
        JsonNode event = seller.admin.events(seller.id, "LOGOUT").get(0);
        assertEquals("not-me", event.path("details").path("two_step_change").asText());
        assertEquals("METHOD_CHANGED", event.path("details").path("two_step_notice").asText());
        JsonNode found = AdminApi.parse(seller.admin.request("GET", "/users?q=two-step-not-me:reported&max=500",
                null).body());
        boolean listed = false;
        for (JsonNode user : found) {
            listed |= seller.id.equals(user.path("id").asText());
        }
        assertTrue(listed, "an admin finds the seller by the attribute");

        mailbox.get(link);
        awaitState(mailbox, "INVALID");
    }

    @Test
    void aForgedLinkIsAPlainRefusal() throws Exception {
        String url = seller.server.baseUrl() + "/realms/" + dev.twostep.it.support.KeycloakServer.REALM
                + "/two-step-not-me?t=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("This link no longer works"), answer.body());
        assertFalse(answer.body().contains("Exception"), "no stack trace");
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("t=forged&password=" + Seller.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, posted.statusCode());
    }
}
