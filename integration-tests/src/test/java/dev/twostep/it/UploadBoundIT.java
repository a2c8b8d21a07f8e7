package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.twostep.it.support.FormBrowser;
import dev.twostep.it.support.FormBrowser.Page;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;

/**
 * The recovery upload is bounded by the policy's own limits before it is read: a post longer than its
 * documents could be, or one that declares no length, is refused with the reason, and the sign-in goes on.
 */
@ExtendWith(SharedKeycloak.class)
class UploadBoundIT {
    private static final String TOO_LARGE = "Together these files are too large to send: at most 3 documents of up to 1 MB each";

    @Test
    void aPostLargerThanItsDocumentsCouldBeIsRefusedUnread() {
        try (Seller seller = Seller.withMethods()) {
            Map<String, String> before = seller.admin.changePolicy(Map.of("recoveryMaxDocumentMegabytes", "1"));
            try {
                String base = seller.server.baseUrl();
                FormBrowser browser = new FormBrowser(List.of(base));
                Page page = browser.signInWithPassword(base, seller.username, Seller.PASSWORD, null);
                page = browser.submit(page, "two-step-verify-form", base, Map.of("action", "other"));
                page = browser.submit(page, "two-step-other-form", base, Map.of("action", "recovery"));
                page = browser.submit(page, "two-step-recovery-form", base, Map.of("action", "recovery-start"));
                assertEquals("two-step-recovery-upload", page.template(), page.body());

                Page refused = browser.submitFile(page, "two-step-recovery-upload", base, Map.of("note", ""),
                        "documents", "scan.pdf", pdf(4 * 1024 * 1024));
                assertEquals("two-step-recovery-upload", refused.template());
                assertTrue(refused.body().contains(TOO_LARGE), refused.body());

                Page chunked = browser.submitFile(refused, "two-step-recovery-upload", base, Map.of("note", ""),
                        "documents", "scan.pdf", pdf(100), true);
                assertTrue(chunked.body().contains(TOO_LARGE), "a post that declares no length is refused");

                Page sent = browser.submitFile(chunked, "two-step-recovery-upload", base, Map.of("note", "lost my phone"),
                        "documents", "scan.pdf", pdf(100));
                assertEquals("two-step-recovery-status", sent.template(), sent.body());
                assertEquals(1, seller.admin.recoveryRequestsOf(seller.id).size());
            } finally {
                seller.admin.changePolicy(before);
            }
        }
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }
}
