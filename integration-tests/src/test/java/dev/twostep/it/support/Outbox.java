package dev.twostep.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the dev outbox file the server writes, as a seller would read their phone. */
public final class Outbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public Outbox(Path file) {
        this.file = file;
    }

    /** Every message sent to {@code username}, oldest first. */
    public List<JsonNode> messagesFor(String username) {
        return matching("user", username);
    }

    /** Every message sent to the phone {@code e164}, whichever account it was for, oldest first. */
    public List<JsonNode> messagesTo(String e164) {
        return matching("to", e164);
    }

    private List<JsonNode> matching(String field, String value) {
        List<JsonNode> messages = new ArrayList<>();
        if (!Files.exists(file)) {
            return messages;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                JsonNode message = JSON.readTree(line);
                if (value.equals(message.path(field).asText())) {
                    messages.add(message);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return messages;
    }

    /** The newest message for {@code username}, waiting a little for it to arrive. */
    public JsonNode latestFor(String username, int expectedCount) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<JsonNode> messages = messagesFor(username);
            if (messages.size() >= expectedCount) {
                return messages.get(messages.size() - 1);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no message #" + expectedCount + " for " + username + " in " + file);
    }
}
