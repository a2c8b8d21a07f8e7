package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.it.pages.RecoveryStatusPage;
import dev.twostep.it.pages.RecoveryUploadPage;
import dev.twostep.it.support.Documents;
import dev.twostep.it.support.FormBrowser;
import dev.twostep.it.support.FormBrowser.Page;
import dev.twostep.it.support.Pause;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;

/**
 * A post that another site's page makes in the seller's browser (the browser says so in Sec-Fetch-Site)
 * changes nothing, even with the seller's cookies and a live upload ticket or settings page.
 */
@ExtendWith(SharedKeycloak.class)
class CrossSitePostIT {
    @TempDir
    static Path files;
    private Seller seller;

    @BeforeEach
    void enrolled() {
        seller = new Seller();
        seller.importMethods();
    }

    @AfterEach
    void close() {
        seller.close();
    }

    @Test
    void aCrossSiteUploadAddsNothing() throws Exception {
        ChromeDriver browser = seller.toAccountRecovery();
        new RecoveryUploadPage(browser);
        String action = browser.findElement(By.id("two-step-recovery-upload")).getAttribute("action");
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));

        HttpResponse<String> forged = post(action, cookies, "cross-site");
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("came from another website"), forged.body());
        assertEquals(0, seller.admin.recoveryRequestsOf(seller.id).size(), "nothing reached the reviewers");

        // The seller's own page, with the same ticket, still sends.
        new RecoveryUploadPage(browser).attach(new Documents(files).file("scan.pdf", Documents.pdf())).send();
        assertEquals("PENDING", new RecoveryStatusPage(browser).status());
    }

    @Test
    void aCrossSiteSettingsPostChangesNothing() {
        String base = seller.server.baseUrl();
        FormBrowser browser = new FormBrowser(List.of(base));
        int sent = seller.messageCount();
        Page page = browser.signInWithPassword(base, seller.username, Seller.PASSWORD, null);
        page = browser.submit(page, "two-step-verify-form", base,
                Map.of("action", "verify", "code", seller.latestMessage(sent + 1).get("code").asText(), "trustDevice", "on"));
        assertEquals(1, seller.credentialsOfType("two-step-trusted-device").size());

        Pause.millis(1100); // the suite's resend cooldown, before the settings' fresh code
        page = browser.get(FormBrowser.authorizationUrl(base, "&kc_action=two-step-settings"));
        page = browser.submit(page, "two-step-verify-form", base,
                Map.of("action", "verify", "code", seller.latestMessage(sent + 2).get("code").asText()));
        assertEquals("two-step-settings", page.template(), page.body());

        // "Require codes on all devices", posted by another site's page with the seller's cookies.
        browser.header("Sec-Fetch-Site", "cross-site").header("Origin", "https://evil.example");
        Page forged = browser.submit(page, "two-step-settings-form", base, Map.of("action", "require-codes"));
        assertEquals(403, forged.status());
        assertTrue(forged.body().contains("came from another website"), forged.body());
        assertEquals(1, seller.credentialsOfType("two-step-trusted-device").size(), "the trusted device is kept");
    }

    /** The upload form's post, made by another page with the browser's cookies: a PDF and a note. */
    private static HttpResponse<String> post(String action, String cookies, String fetchSite) throws Exception {
        String boundary = "two-step-cross-site";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"documents\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Documents.pdf());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", cookies).header("Sec-Fetch-Site", fetchSite).header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
