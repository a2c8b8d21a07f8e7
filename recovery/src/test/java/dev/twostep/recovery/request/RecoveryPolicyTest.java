package dev.twostep.recovery.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecoveryPolicyTest {
    @Test
    void defaultsAreThreeDocumentsOfTenMegabytesKeptThirtyDays() {
        RecoveryPolicy policy = RecoveryPolicy.from(Map.of());
        assertEquals(3, policy.maxDocuments());
        assertEquals(10L * 1024 * 1024, policy.maxDocumentBytes());
        assertEquals(Duration.ofDays(30), policy.retention());
    }

    @Test
    void readsTheAdminsValuesAndKeepsTheDefaultOfEachWrongOne() {
        RecoveryPolicy policy = RecoveryPolicy.from(Map.of(RecoveryPolicy.MAX_DOCUMENTS, "5",
                RecoveryPolicy.MAX_DOCUMENT_MEGABYTES, "2", RecoveryPolicy.RETENTION_DAYS, "7"));
        assertEquals(5, policy.maxDocuments());
        assertEquals(2, policy.maxDocumentMegabytes());
        assertEquals(Duration.ofDays(7), policy.retention());
        RecoveryPolicy mixed = RecoveryPolicy.from(Map.of(RecoveryPolicy.MAX_DOCUMENTS, "0",
                RecoveryPolicy.RETENTION_DAYS, "x", RecoveryPolicy.MAX_DOCUMENT_MEGABYTES, "2"));
        assertEquals(3, mixed.maxDocuments(), "0 documents is wrong: the default stays");
        assertEquals(Duration.ofDays(30), mixed.retention(), "not a number: the default stays");
        assertEquals(2, mixed.maxDocumentMegabytes(), "the right value beside them is kept");
        assertThrows(IllegalArgumentException.class, () -> new RecoveryPolicy(0, 1, Duration.ZERO),
                "the limits themselves still refuse nonsense");
    }

    @Test
    void aNoteThatFitTheFieldFitsTheLimitWhateverItsLineBreaks() {
        String line = "x".repeat(99);
        String typed = String.join("\n", java.util.Collections.nCopies(20, line));
        assertEquals(RecoveryPolicy.MAX_NOTE_LENGTH - 1, typed.length());
        String sent = typed.replace("\n", "\r\n");
        assertEquals(typed, RecoveryPolicy.typedNote(sent));
        assertEquals("", RecoveryPolicy.typedNote(null));
        assertEquals("call me", RecoveryPolicy.typedNote("  call me\r\n"));
    }
}
