package dev.twostep.core.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.util.JsonSerialization;

import dev.twostep.core.phone.PhoneNumbers;

/**
 * The dev sender: appends each message as one JSON line to a file and logs it, codes included, so a
 * newcomer can sign in without a phone gateway. Never select it in production.
 */
final class OutboxSender implements CodeSender {
    private static final Logger LOG = Logger.getLogger(OutboxSender.class);

    private final Path file;
    private final boolean logsCodes;

    /** {@code logsCodes}: log each message in clear (only under start-dev; elsewhere a masked line at DEBUG). */
    OutboxSender(Path file, boolean logsCodes) {
        this.file = file;
        this.logsCodes = logsCodes;
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryException {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("channel", message.channel().id());
        line.put("to", message.to());
        line.put("text", message.text());
        line.put("code", message.code());
        line.put("realm", message.realm());
        line.put("user", message.user());
        try {
            byte[] bytes = (JsonSerialization.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // The lock keeps lines whole when several nodes or threads share one outbox file.
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock ignored = channel.lock()) {
                channel.write(ByteBuffer.wrap(bytes));
            }
        } catch (IOException e) {
            throw new DeliveryException("twoStepSendFailed", "outbox file " + file + " not writable", e);
        }
        if (logsCodes) {
            LOG.infof("two-step outbox (dev only): %s to %s for %s/%s: %s", message.channel().id(), message.to(),
                    message.realm(), message.user(), message.text());
        } else {
            LOG.debugf("two-step outbox: %s to %s for %s/%s written to the outbox file", message.channel().id(),
                    new PhoneNumbers().mask(message.to()), message.realm(), message.user());
        }
    }
}
