package dev.twostep.it.postgres;

import static dev.twostep.it.support.Documents.png;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.it.pages.RecoveryUploadPage;
import dev.twostep.it.support.AdminApi;
import dev.twostep.it.support.Documents;
import dev.twostep.it.support.PostgresDatabase;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;

/**
 * A draft a seller started and never sent is deleted, documents and all, once a day has passed since its last
 * upload; a fresh draft is left alone. Runs on the PostgreSQL Keycloak only: waiting a day is not a test, so the
 * test ages the draft in the database, which only a server database lets a second process do.
 */
@ExtendWith(SharedKeycloak.class)
class AbandonedDraftIT {
    @TempDir
    static Path files;

    @Test
    void aDraftUntouchedForADayIsDeletedWithItsDocuments() throws SQLException {
        PostgresDatabase database = PostgresDatabase.fromEnvironment().orElseThrow();
        try (Seller away = new Seller(); Seller busy = new Seller()) {
            ChromeDriver awayBrowser = startDraft(away);
            ChromeDriver busyBrowser = startDraft(busy);
            try (Connection connection = database.connect()) {
                assertEquals(1, age(connection, away.id, Duration.ofHours(25)), "one draft aged");

                HttpResponse<String> purged = away.admin.post("/two-step-recovery/purge", Map.of());
                assertEquals(200, purged.statusCode(), purged.body());
                JsonNode counts = AdminApi.parse(purged.body());
                assertEquals(1, counts.path("draftsDeleted").asInt(), purged.body());

                assertEquals(0, documentsOf(connection, away.id), "the aged draft's documents are gone with it");
                assertEquals(1, documentsOf(connection, busy.id), "a fresh draft keeps its document");
            }
            awayBrowser.navigate().refresh();
            assertEquals("", new RecoveryUploadPage(awayBrowser).added(), "the seller starts over");
            busyBrowser.navigate().refresh();
            assertTrue(new RecoveryUploadPage(busyBrowser).added().contains("Document 1"));
        }
    }

    /** Enrolls, then on the recovery page sends a good file and a refused one: a draft holding one document. */
    private static ChromeDriver startDraft(Seller seller) {
        seller.importMethods();
        ChromeDriver browser = seller.toAccountRecovery();
        Documents documents = new Documents(files);
        new RecoveryUploadPage(browser).attach(documents.file(seller.username + ".png", png(2048)),
                documents.file(seller.username + ".pdf", "not a pdf".getBytes(StandardCharsets.UTF_8))).send();
        RecoveryUploadPage kept = new RecoveryUploadPage(browser);
        assertTrue(kept.added().contains("Document 1"), "a draft with the PNG: " + kept.added());
        return browser;
    }

    /** Moves a seller's draft back by {@code by}; returns how many drafts moved. */
    private static int age(Connection connection, String userId, Duration by) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE two_step_recovery_request"
                + " SET created_at = created_at - ? WHERE user_id = ? AND status = 'DRAFT'")) {
            update.setLong(1, by.toMillis());
            update.setString(2, userId);
            return update.executeUpdate();
        }
    }

    private static int documentsOf(Connection connection, String userId) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM two_step_recovery_document d"
                + " JOIN two_step_recovery_request r ON r.id = d.request_id WHERE r.user_id = ?")) {
            count.setString(1, userId);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
