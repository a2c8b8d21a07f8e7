package dev.twostep.core.kind;

import java.util.Locale;
import java.util.Optional;

/** How a code reaches a phone. E-mail is deliberately not a channel: a mailbox is reachable remotely. */
public enum Channel {
    SMS, VOICE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a form or JSON value; anything else (including "email") is not a channel. */
    public static Optional<Channel> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Channel channel : values()) {
            if (channel.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
