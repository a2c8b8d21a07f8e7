package dev.twostep.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/** The demo's mail catcher: what the realm sends lands in the folder as .eml files, one per message. */
class DemoMailTest {
    @TempDir
    Path folder;

    @Test
    void eachMessageBecomesAnEmlFile() throws Exception {
        try (DemoMail mail = new DemoMail(folder.resolve("mail"))) {
            ServerSetup smtp = new ServerSetup(mail.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            GreenMailUtil.sendTextEmail("seller@example.com", "no-reply@seller.example", "Notice one", "first", smtp);
            GreenMailUtil.sendTextEmail("seller@example.com", "no-reply@seller.example", "Notice two", "second", smtp);
            List<Path> files = List.of();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (files.size() < 2 && Instant.now().isBefore(deadline)) {
                Pause.millis(100);
                try (var listing = Files.list(mail.folder())) {
                    files = listing.sorted().toList();
                }
            }
            assertEquals(2, files.size(), files.toString());
            assertTrue(files.get(0).getFileName().toString().startsWith("0001-"));
            assertTrue(Files.readString(files.get(0)).contains("Subject: Notice one"));
            assertTrue(Files.readString(files.get(1)).contains("second"));
        }
    }
}
