package dev.twostep.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A local SMTP server (GreenMail) that the realm sends its e-mails to while it runs; the realm's previous
 * SMTP settings come back on close.
 */
public final class MailCatcher implements AutoCloseable {
    private final GreenMail smtp;
    private final AdminApi admin;
    private final Map<String, Object> before;

    public MailCatcher(AdminApi admin) {
        this.admin = admin;
        smtp = new GreenMail(new ServerSetup(KeycloakServer.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        before = admin.changeRealm(Map.of("smtpServer", Map.of("host", "127.0.0.1",
                "port", Integer.toString(smtp.getSmtp().getPort()), "from", "no-reply@seller.example",
                "fromDisplayName", "Seller Central")));
    }

    /** The e-mails {@code address} received, waiting up to 10 s for at least {@code count}. */
    public List<MimeMessage> awaitFor(String address, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<MimeMessage> mine = Arrays.stream(smtp.getReceivedMessages()).filter(m -> sentTo(m, address)).toList();
            if (mine.size() >= count || Instant.now().isAfter(deadline)) {
                return mine;
            }
            Pause.millis(100);
        }
    }

    /** The plain-text part of {@code message}, decoded (a long link arrives whole, not folded). */
    public static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof String plain) {
                return plain;
            }
            jakarta.mail.Multipart parts = (jakarta.mail.Multipart) content;
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return String.valueOf(parts.getBodyPart(i).getContent());
                }
            }
            throw new AssertionError("no text/plain part in the e-mail");
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> to.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.changeRealm(before.get("smtpServer") == null ? Map.of("smtpServer", Map.of()) : before);
        smtp.stop();
    }
}
