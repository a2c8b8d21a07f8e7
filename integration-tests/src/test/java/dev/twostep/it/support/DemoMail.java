package dev.twostep.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The demo's e-mail: a local SMTP server (GreenMail) the realm sends to, and every message it catches
 * written to a folder as an {@code .eml} file, which any mail program opens. Nothing leaves the machine.
 */
final class DemoMail implements AutoCloseable {
    private final GreenMail smtp;
    private final Path folder;
    private final Thread writer;

    DemoMail(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
        smtp = new GreenMail(new ServerSetup(KeycloakServer.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        writer = new Thread(this::writeAsTheyCome, "demo-mail");
        writer.setDaemon(true);
        writer.start();
    }

    /** Points the demo realm's e-mail at this server. */
    void connect(KeycloakServer server) {
        new AdminApi(server).changeRealm(Map.of("smtpServer", Map.of("host", "127.0.0.1",
                "port", Integer.toString(smtp.getSmtp().getPort()), "from", "no-reply@seller.example",
                "fromDisplayName", "Seller Central (demo)")));
    }

    Path folder() {
        return folder;
    }

    int port() {
        return smtp.getSmtp().getPort();
    }

    private void writeAsTheyCome() {
        int written = 0;
        while (!Thread.currentThread().isInterrupted()) {
            MimeMessage[] received = smtp.getReceivedMessages();
            for (; written < received.length; written++) {
                Path file = folder.resolve(String.format("%04d-%d.eml", written + 1, System.currentTimeMillis()));
                try (OutputStream out = Files.newOutputStream(file)) {
                    received[written].writeTo(out);
                } catch (IOException | MessagingException e) {
                    System.err.println("two-step demo: e-mail " + (written + 1) + " not written: " + e.getMessage());
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        writer.interrupt();
        smtp.stop();
    }
}
