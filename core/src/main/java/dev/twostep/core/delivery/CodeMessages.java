package dev.twostep.core.delivery;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

import dev.twostep.core.kind.Channel;

/** Writes the text of a code message in the user's language, from the login theme's message bundle. */
public final class CodeMessages {
    private final KeycloakSession session;

    public CodeMessages(KeycloakSession session) {
        this.session = session;
    }

    public OutgoingMessage compose(RealmModel realm, UserModel user, Channel channel, String to, String code,
                                   int lifetimeMinutes) {
        Locale locale = session.getContext().resolveLocale(user);
        String key = channel == Channel.SMS ? "twoStepSmsText" : "twoStepVoiceText";
        String realmName = realm.getDisplayName() != null ? realm.getDisplayName() : realm.getName();
        String text = text(pattern(realm, locale, key), channel, code, realmName, lifetimeMinutes, locale);
        return new OutgoingMessage(channel, to, text, code, realm.getName(), user.getUsername(), locale);
    }

    /**
     * The text of one message from its pattern ({0} code, {1} realm, {2} minutes). A call spells the code
     * digit by digit, so a voice reads "4, 0, 7" rather than "four hundred seven".
     */
    static String text(String pattern, Channel channel, String code, String realmName, int minutes, Locale locale) {
        String spoken = channel == Channel.VOICE ? String.join(", ", code.split("")) : code;
        return new MessageFormat(pattern, locale).format(new Object[] {spoken, realmName, minutes});
    }

    private String pattern(RealmModel realm, Locale locale, String key) {
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            Properties messages = theme.getEnhancedMessages(realm, locale);
            String pattern = messages.getProperty(key);
            if (pattern == null) {
                throw new IllegalStateException("message " + key + " missing from the login theme");
            }
            return pattern;
        } catch (IOException e) {
            throw new IllegalStateException("login theme messages unreadable", e);
        }
    }
}
