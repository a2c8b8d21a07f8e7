package dev.twostep.it;

import static dev.twostep.it.support.Documents.pdf;
import static dev.twostep.it.support.Documents.png;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.OtherMethodsPage;
import dev.twostep.it.pages.RecoveryInfoPage;
import dev.twostep.it.pages.RecoveryStatusPage;
import dev.twostep.it.pages.RecoveryUploadPage;
import dev.twostep.it.pages.TwoStepCodePage;
import dev.twostep.it.support.AdminApi;
import dev.twostep.it.support.Browser;
import dev.twostep.it.support.Documents;
import dev.twostep.it.support.MailCatcher;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;
import dev.twostep.it.support.Waits;

/** Account recovery: a seller who lost every method sends documents; a reviewer approves or rejects. */
@ExtendWith(SharedKeycloak.class)
class RecoveryIT {
    private static final String API = "/two-step-recovery/requests";
    private static MailCatcher mail;
    @TempDir
    static Path files;
    private Seller seller;

    @BeforeAll
    static void catchMail() {
        mail = new MailCatcher(new AdminApi(SharedKeycloak.server()));
    }

    @AfterAll
    static void releaseMail() {
        mail.close();
    }

    @BeforeEach
    void newSeller() {
        seller = new Seller();
        seller.importMethods();
    }

    @AfterEach
    void close() {
        seller.close();
    }

    private static Path file(String name, byte[] content) {
        return new Documents(files).file(name, content);
    }

    private JsonNode onlyRequestOfSeller() {
        List<JsonNode> mine = seller.admin.recoveryRequestsOf(seller.id);
        assertEquals(1, mine.size(), "one request of this seller in the queue: " + mine);
        return mine.get(0);
    }

    @Test
    void lostPhoneDocumentsApprovalAndTheEnrollmentAgain() {
        ChromeDriver browser = seller.toAccountRecovery();
        RecoveryUploadPage upload = new RecoveryUploadPage(browser);
        String note = "<script>alert('x')</script> call me after 18:00";
        upload.attach(file("passport.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
                file("id.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8)),
                file("licence.png", png(4096))).note(note).send();
        RecoveryUploadPage refused = new RecoveryUploadPage(browser);
        assertTrue(refused.errors().contains("File passport.pdf is not a PDF, JPEG or PNG"), refused.errors());
        assertTrue(refused.errors().contains("File id.svg is not a PDF, JPEG or PNG"), refused.errors());
        assertTrue(refused.added().contains("Document 1 (PNG, 4 KB)"), "the good file is kept: " + refused.added());
        assertEquals(note, refused.noteShown(), "the note is kept");

        refused.attach(file("passport-scan.pdf", pdf())).send();
        RecoveryStatusPage status = new RecoveryStatusPage(browser);
        assertEquals("PENDING", status.status());
        String received = MailCatcher.text(mail.awaitFor(seller.username + "@example.com", 1).get(0));
        assertTrue(received.contains("received your account recovery request"), received);
        assertFalse(received.replaceAll("https?://\\S+", "").matches("(?s).*\\b\\d{6}\\b.*"),
                "a notice never carries a code (the This wasn't me link's token aside)");

        // Another browser sees nothing of it: that browser's own upload, never this request or its status.
        ChromeDriver again = seller.toAccountRecovery();
        assertEquals("", new RecoveryUploadPage(again).added());

        JsonNode summary = onlyRequestOfSeller();
        assertEquals("PENDING", summary.path("status").asText());
        assertEquals(seller.username, summary.path("username").asText());
        assertEquals(2, summary.path("documents").asInt());
        String id = summary.path("id").asText();
        JsonNode detail = AdminApi.parse(seller.admin.getAs(null, API + "/" + id).body());
        assertEquals(note, detail.path("contactNote").asText());
        assertTrue(detail.path("account").path("primary").path("masked").asText().endsWith("4567"), detail.toString());
        JsonNode first = detail.path("documentList").get(0);
        HttpResponse<byte[]> document = seller.admin.download(API + "/" + id + "/documents/" + first.path("id").asText());
        assertEquals(200, document.statusCode());
        assertEquals("nosniff", document.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(document.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals("image/png", document.headers().firstValue("Content-Type").orElse(""));
        assertTrue(Arrays.equals(png(4096), document.body()), "the document comes back byte for byte");
        assertEquals(404, seller.admin.getAs(null, API + "/not-a-request").statusCode());

        HttpResponse<String> approved = seller.admin.post(API + "/" + id + "/approve", Map.of());
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals(List.of("password"), seller.credentialTypes(), "every 2SV method and trusted device is gone");
        assertTrue(seller.requiredActions().contains("two-step-enroll"));
        assertEquals(409, seller.admin.post(API + "/" + id + "/reject", Map.of("reason", "late")).statusCode(),
                "a decided request cannot be decided again");
        JsonNode event = seller.admin.adminEvents("ACTION").get(0);
        assertTrue(event.path("resourcePath").asText().contains(id), event.toString());
        assertTrue(event.path("representation").asText().contains("APPROVED"), event.toString());
        assertEquals(2, mail.awaitFor(seller.username + "@example.com", 2).size(), "the approval notice");

        // The password alone is not enough now: a fresh browser (as a thief's would be) meets the recovery's
        // status, not the enrollment.
        again = seller.newBrowser();
        seller.signIn(again);
        RecoveryStatusPage elsewhere = new RecoveryStatusPage(again);
        assertEquals("APPROVED", elsewhere.status());
        assertFalse(elsewhere.sentFromThisBrowser());
        assertTrue(elsewhere.text().contains("approved for the browser you sent it from"), elsewhere.text());
        assertTrue(elsewhere.offersNewRequest(), "a seller who lost that browser too sends a new request");
        elsewhere.newRequest();
        new RecoveryUploadPage(again);

        // The browser that sent the documents goes on to the enrollment, from the page it was left on.
        new RecoveryStatusPage(browser).back();
        assertEquals("Choose how you'll receive codes", new ChooseMethodPage(browser).title());
        ChromeDriver afterwards = seller.newBrowser();
        seller.signIn(afterwards);
        assertTrue(new RecoveryStatusPage(afterwards).text().contains("approved for the browser"),
                "until the seller has 2SV again, the approval stays with that browser");
    }

    @Test
    void anotherBrowserNeitherSeesNorSendsTheSellersDraft() {
        ChromeDriver mine = seller.toAccountRecovery();
        new RecoveryUploadPage(mine).attach(file("licence.png", png(4096)),
                file("fake.pdf", "<html></html>".getBytes(StandardCharsets.UTF_8))).note("call me").send();
        assertTrue(new RecoveryUploadPage(mine).added().contains("Document 1"), "the seller's draft keeps the PNG");

        // Someone else with the password: the draft is not shown, and sending "it" sends nothing of it.
        ChromeDriver theirs = seller.toAccountRecovery();
        RecoveryUploadPage other = new RecoveryUploadPage(theirs);
        assertEquals("", other.added(), "another browser does not see the seller's documents");
        assertEquals("", other.noteShown());
        other.note("it is me, really").send();
        RecoveryUploadPage refused = new RecoveryUploadPage(theirs);
        assertTrue(refused.errors().contains("Add at least one identity document"), refused.errors());
        HttpResponse<String> queue = seller.admin.getAs(null, API);
        assertFalse(queue.body().contains(seller.id), "nothing reached the reviewers: " + queue.body());
    }

    @Test
    void aCodeAfterAllWithdrawsTheRequest() {
        ChromeDriver browser = seller.toAccountRecovery();
        new RecoveryUploadPage(browser).attach(file("scan.pdf", pdf())).send();
        assertEquals("PENDING", new RecoveryStatusPage(browser).status());
        String id = onlyRequestOfSeller().path("id").asText();

        // The phone turned up: the seller signs in with a code, and the reviewers have nothing left to do.
        ChromeDriver found = seller.newBrowser();
        String code = seller.signInForCode(found);
        new TwoStepCodePage(found).signIn(code);
        seller.awaitApp(found);
        JsonNode withdrawn = AdminApi.parse(seller.admin.getAs(null, API + "/" + id).body());
        assertEquals("WITHDRAWN", withdrawn.path("status").asText(), withdrawn.toString());
        assertEquals(409, seller.admin.post(API + "/" + id + "/approve", Map.of()).statusCode());
        assertEquals(List.of("otp", "password", "two-step-app", "two-step-phone"), seller.credentialTypes(),
                "nothing of the account changed");

        // The old tab's status page starts over too: the next recovery is a fresh upload.
        new RecoveryStatusPage(browser).back();
        new TwoStepCodePage(browser);
    }

    @Test
    void theReviewersDecisionReachesTheSellerInTheLanguageOfTheirBrowser() {
        // The seller's browser asks for Italian and the seller never picks a language; the reviewer's request
        // (the admin API, no language of its own) decides later. Both notices come in Italian.
        ChromeOptions italian = Browser.headlessOptions("--lang=it-IT", "--window-size=1100,1400");
        italian.setExperimentalOption("prefs", Map.of("intl.accept_languages", "it-IT,it"));
        ChromeDriver browser = Browser.start(italian);
        try {
            seller.signIn(browser);
            new TwoStepCodePage(browser).didntReceiveTheCode();
            new OtherMethodsPage(browser).startAccountRecovery();
            new RecoveryInfoPage(browser).start();
            new RecoveryUploadPage(browser).attach(file("scan.pdf", pdf())).note("per favore").send();
            assertEquals("PENDING", new RecoveryStatusPage(browser).status());
        } finally {
            browser.quit();
        }
        String submitted = MailCatcher.text(mail.awaitFor(seller.username + "@example.com", 1).get(0));
        assertTrue(submitted.contains("Abbiamo ricevuto la tua richiesta"), submitted);
        assertTrue(submitted.contains("dell'account"), "plain text, not HTML's &#39;: " + submitted);

        String id = onlyRequestOfSeller().path("id").asText();
        assertEquals(200, seller.admin.post(API + "/" + id + "/approve", Map.of()).statusCode());
        String approved = MailCatcher.text(mail.awaitFor(seller.username + "@example.com", 2).get(1));
        assertTrue(approved.contains("è stata approvata"), approved);
    }

    @Test
    void aRejectionKeepsEverythingAndTellsTheReason() {
        ChromeDriver browser = seller.toAccountRecovery();
        new RecoveryUploadPage(browser).attach(file("scan.pdf", pdf())).note("please").send();
        assertEquals("PENDING", new RecoveryStatusPage(browser).status());
        String id = onlyRequestOfSeller().path("id").asText();
        List<String> before = seller.credentialTypes();

        HttpResponse<String> rejected = seller.admin.post(API + "/" + id + "/reject",
                Map.of("reason", "The name on the document <b>does not match</b>."));
        assertEquals(200, rejected.statusCode(), rejected.body());
        assertEquals(before, seller.credentialTypes(), "a rejection changes nothing");
        List<jakarta.mail.internet.MimeMessage> notices = mail.awaitFor(seller.username + "@example.com", 2);
        assertEquals(2, notices.size(), "a notice when sent, and one when rejected");
        assertTrue(GreenMailUtil.getBody(notices.get(1)).contains("was rejected"), GreenMailUtil.getBody(notices.get(1)));
        JsonNode event = seller.admin.adminEvents("ACTION").get(0);
        assertTrue(event.path("resourcePath").asText().endsWith(id + "/rejected"), event.toString());

        ChromeDriver later = seller.newBrowser();
        seller.signIn(later);
        new TwoStepCodePage(later).didntReceiveTheCode();
        OtherMethodsPage others = new OtherMethodsPage(later);
        assertTrue(others.recoveryNews().contains("rejected") && others.recoveryNews().contains("does not match"),
                "told at once, with the reason: " + others.recoveryNews());
        RecoveryStatusPage status = others.openRecoveryRequest();
        assertEquals("REJECTED", status.status());
        assertTrue(status.text().contains("The name on the document <b>does not match</b>."), status.text());

        // Retention: with 0 days, the next purge deletes the documents of decided requests.
        assertEquals(1, AdminApi.parse(seller.admin.getAs(null, API + "/" + id).body()).path("documentList").size());
        Map<String, String> policy = seller.admin.changePolicy(Map.of("recoveryRetentionDays", "0"));
        try {
            HttpResponse<String> purged = seller.admin.post("/two-step-recovery/purge", Map.of());
            assertEquals(200, purged.statusCode(), purged.body());
            assertTrue(AdminApi.parse(purged.body()).path("deleted").asInt() >= 1, purged.body());
        } finally {
            seller.admin.changePolicy(policy);
        }
        JsonNode afterPurge = AdminApi.parse(seller.admin.getAs(null, API + "/" + id).body());
        assertEquals(0, afterPurge.path("documentList").size(), afterPurge.toString());
        assertEquals("REJECTED", afterPurge.path("status").asText(), "the decision itself is kept");
    }

    @Test
    void deletingTheUserDeletesTheirRequests() {
        ChromeDriver browser = seller.toAccountRecovery();
        new RecoveryUploadPage(browser).attach(file("scan.pdf", pdf())).send();
        String id = onlyRequestOfSeller().path("id").asText();
        seller.admin.deleteUser(seller.id);
        assertEquals(404, seller.admin.getAs(null, API + "/" + id).statusCode(), "the request went with the user");
    }

    @Test
    void oversizeAndTooManyFilesAreRefusedWithAReason() {
        Map<String, String> before = seller.admin.changePolicy(Map.of("recoveryMaxDocumentMegabytes", "1"));
        try {
            ChromeDriver browser = seller.toAccountRecovery();
            RecoveryUploadPage upload = new RecoveryUploadPage(browser);
            upload.attach(file("huge.png", png(2 * 1024 * 1024)));
            assertTrue(upload.scriptCheck().contains("File huge.png is larger than 1 MB"), upload.scriptCheck());

            upload.withoutScriptChecks().attach(file("huge.png", png(2 * 1024 * 1024))).send();
            RecoveryUploadPage tooBig = new RecoveryUploadPage(browser);
            assertTrue(tooBig.errors().contains("File huge.png is larger than 1 MB"), tooBig.errors());
            assertTrue(tooBig.errorIsTiedTo("documents"), "the error sits at its field, named by aria-describedby");

            tooBig.attach(file("a.png", png(100)), file("b.png", png(100)), file("c.png", png(100)),
                    file("d.png", png(100))).send();
            RecoveryUploadPage tooMany = new RecoveryUploadPage(browser);
            assertTrue(tooMany.errors().contains("At most 3 documents: file d.png was not added"), tooMany.errors());
            assertTrue(tooMany.added().contains("Document 3"), tooMany.added());
        } finally {
            seller.admin.changePolicy(before);
        }
    }

    @Test
    void aReviewerApprovesInTheBrowserAndSellerTextStaysText() throws Exception {
        String note = "<img id=\"xss\" src=\"x\" onerror=\"document.title='owned'\"> please call";
        ChromeDriver browser = seller.toAccountRecovery();
        new RecoveryUploadPage(browser).attach(file("scan.pdf", pdf())).note(note).send();
        String id = onlyRequestOfSeller().path("id").asText();

        try (Seller reviewer = new Seller()) {
            reviewer.importMethodsAndSignIn(false);
            reviewer.admin.grantRealmRole(reviewer.id, "two-step-recovery-reviewer");
            ChromeDriver page = reviewer.enrollingBrowser();
            int sent = reviewer.messageCount();
            page.get(reviewer.server.baseUrl() + "/realms/seller/two-step-recovery/review");
            // Signed in already, the reviewer still confirms the password and gives a fresh code.
            reviewer.confirmPassword(page);
            new TwoStepCodePage(page).signIn(reviewer.latestMessage(sent + 1).get("code").asText());
            WebDriverWait wait = Waits.upTo(page, Duration.ofSeconds(30));
            WebElement open = wait.until(d -> d.findElements(By.cssSelector("tr[data-request-id='" + id + "'] button.open-request"))
                    .stream().findFirst().orElse(null));
            open.click();
            wait.until(d -> d.findElement(By.id("detail")).isDisplayed());
            assertEquals(note, page.findElement(By.id("detail-note")).getText());
            assertTrue(page.findElements(By.id("xss")).isEmpty(), "the note is text, not markup");
            assertFalse("owned".equals(page.getTitle()));
            assertEquals(1, page.findElements(By.cssSelector("#detail-documents button.download")).size());
            // The download keeps the name the server gives it, with the extension of its checked type.
            java.nio.file.Path downloads = java.nio.file.Files.createTempDirectory("two-step-downloads");
            page.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            page.findElement(By.cssSelector("#detail-documents button.download")).click();
            java.nio.file.Path saved = downloads.resolve("document-1.pdf");
            Waits.upTo(page, Duration.ofSeconds(20)).until(d -> java.nio.file.Files.exists(saved));
            assertTrue(new String(java.nio.file.Files.readAllBytes(saved), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .startsWith("%PDF-"), "the document itself");
            assertTrue(page.findElement(By.id("detail-primary")).getText().startsWith("Text message to +39 "),
                    page.findElement(By.id("detail-primary")).getText());
            assertFalse(page.findElement(By.id("group-reason")).isDisplayed(), "no reason before a decision");

            // A reviewer by role decides only for plain sellers: not for another reviewer.
            seller.admin.grantRealmRole(seller.id, "two-step-recovery-reviewer");
            page.findElement(By.id("approve")).click();
            assertTrue(page.findElement(By.id("approve-confirm")).isDisplayed(), "approving asks once more");
            page.findElement(By.id("approve-yes")).click();
            wait.until(d -> d.findElement(By.id("review-message")).getText().startsWith("A reviewer decides neither"));
            assertEquals(4, seller.credentialTypes().size(), "nothing changed for the other reviewer");
            seller.admin.revokeRealmRole(seller.id, "two-step-recovery-reviewer");

            page.findElement(By.id("approve")).click();
            page.findElement(By.id("approve-no")).click();
            assertEquals(4, seller.credentialTypes().size(), "Cancel approves nothing");
            assertTrue(page.getCurrentUrl().endsWith("#request=" + id), "the request has its own address");
            page.findElement(By.id("approve")).click();
            page.findElement(By.id("approve-yes")).click();
            wait.until(d -> d.findElement(By.id("review-message")).getText().startsWith("Approved"));
            wait.until(d -> d.findElement(By.id("detail-decided")).getText().contains(reviewer.username));
            assertEquals("none", page.findElement(By.id("detail-primary")).getText(), "the methods are gone");
        }
        assertEquals(List.of("password"), seller.credentialTypes());
        assertEquals("APPROVED", AdminApi.parse(seller.admin.getAs(null, API + "/" + id).body()).path("status").asText());
    }

    @Test
    void aSellerWithoutTheRoleIsToldSoOnTheReviewPage() {
        ChromeDriver page = seller.newBrowser();
        seller.signIn(page, seller.server.baseUrl() + "/realms/seller/two-step-recovery/review");
        new TwoStepCodePage(page).signIn(seller.latestMessage(seller.messageCount()).get("code").asText());
        Waits.upTo(page, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("review-message")).getText()
                .contains("not a recovery reviewer"));
        assertTrue(page.findElement(By.id("queue")).getAttribute("hidden") != null, "no queue is shown");
    }
}
