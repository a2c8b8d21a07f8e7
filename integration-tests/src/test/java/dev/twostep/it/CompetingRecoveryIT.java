package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.RecoveryStatusPage;
import dev.twostep.it.pages.RecoveryUploadPage;
import dev.twostep.it.support.AdminApi;
import dev.twostep.it.support.Documents;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;

/**
 * A thief with the password starts an account recovery too: their post discards nothing of the seller's
 * draft, their request does not stop the seller's, reviewers see both side by side, and approving one
 * withdraws the other.
 */
@ExtendWith(SharedKeycloak.class)
class CompetingRecoveryIT {
    private static final String API = "/two-step-recovery/requests";
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

    private static Path file(String name, byte[] content) {
        return new Documents(files).file(name, content);
    }

    @Test
    void aThiefsRequestNeitherDiscardsNorBlocksTheSellers() {
        ChromeDriver sellers = seller.toAccountRecovery();
        new RecoveryUploadPage(sellers).attach(file("licence.png", Documents.png(4096)),
                file("fake.pdf", "<html></html>".getBytes(StandardCharsets.UTF_8))).note("call me").send();
        assertTrue(new RecoveryUploadPage(sellers).added().contains("Document 1"), "the seller's draft");

        ChromeDriver thiefs = seller.toAccountRecovery();
        new RecoveryUploadPage(thiefs).attach(file("forged.pdf", Documents.pdf())).note("it is me").send();
        assertEquals("PENDING", new RecoveryStatusPage(thiefs).status(), "the thief's request is sent first");

        sellers.navigate().refresh();
        RecoveryUploadPage kept = new RecoveryUploadPage(sellers);
        assertTrue(kept.added().contains("Document 1"), "the thief's post discarded nothing: " + kept.added());
        kept.attach(file("passport.pdf", Documents.pdf())).send();
        assertEquals("PENDING", new RecoveryStatusPage(sellers).status(), "the seller's request is sent too");

        List<JsonNode> requests = seller.admin.recoveryRequestsOf(seller.id);
        assertEquals(2, requests.size(), requests.toString());
        requests.forEach(request -> assertEquals(1, request.path("competing").asInt(), request.toString()));
        JsonNode sellersRequest = requests.stream().filter(r -> r.path("documents").asInt() == 2).findFirst().orElseThrow();
        JsonNode thiefsRequest = requests.stream().filter(r -> r.path("documents").asInt() == 1).findFirst().orElseThrow();

        JsonNode detail = AdminApi.parse(seller.admin.getAs(null, API + "/" + sellersRequest.path("id").asText()).body());
        JsonNode competing = detail.path("competingRequests");
        assertEquals(1, competing.size(), detail.toString());
        assertEquals(thiefsRequest.path("id").asText(), competing.get(0).path("id").asText());
        assertTrue(competing.get(0).path("sentFromBrowser").asText().contains("Chrome"), competing.toString());
        assertEquals("127.0.0.1", competing.get(0).path("sentFromAddress").asText());
        assertTrue(competing.get(0).path("createdAt").asLong() > 0);

        assertEquals(200, seller.admin.post(API + "/" + sellersRequest.path("id").asText() + "/approve", Map.of())
                .statusCode());
        JsonNode withdrawn = AdminApi.parse(seller.admin.getAs(null, API + "/" + thiefsRequest.path("id").asText()).body());
        assertEquals("WITHDRAWN", withdrawn.path("status").asText(), "approving one withdraws the other");
        assertEquals(409, seller.admin.post(API + "/" + thiefsRequest.path("id").asText() + "/approve", Map.of())
                .statusCode(), "the thief's request can no longer be approved");

        new RecoveryStatusPage(thiefs).back();
        RecoveryStatusPage told = new RecoveryStatusPage(thiefs);
        assertEquals("APPROVED", told.status());
        assertFalse(told.sentFromThisBrowser(), "the approval is not the thief's");
        new RecoveryStatusPage(sellers).back();
        assertEquals("Choose how you'll receive codes", new ChooseMethodPage(sellers).title());
    }
}
