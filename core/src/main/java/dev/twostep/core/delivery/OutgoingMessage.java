package dev.twostep.core.delivery;

import java.util.Locale;

import dev.twostep.core.kind.Channel;

/**
 * One code on its way to a phone. {@code text} is already in the user's language; {@code code} is given
 * apart so that a voice sender can read it digit by digit and the dev outbox can show it.
 */
public record OutgoingMessage(Channel channel, String to, String text, String code, String realm, String user,
                              Locale locale) {
}
