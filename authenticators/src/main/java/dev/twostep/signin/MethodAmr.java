package dev.twostep.signin;

import org.keycloak.sessions.AuthenticationSessionModel;

import dev.twostep.core.challenge.MethodOption;
import dev.twostep.core.kind.Channel;

/** The RFC 8176 name of the method that passed a sign-in, kept in the user session for {@link MethodAmrMapper}. */
final class MethodAmr {
    static final String NOTE = "two-step.amr";

    private MethodAmr() {
    }

    static void passed(AuthenticationSessionModel login, MethodOption used) {
        login.setUserSessionNote(NOTE, of(used));
    }

    /** No method of the account passed (a trusted browser, the enrollment): nothing more to claim. */
    static void none(AuthenticationSessionModel login) {
        login.setUserSessionNote(NOTE, "");
    }

    static String of(MethodOption used) {
        if (used.isPasskey()) {
            return used.passkey().orElseThrow().storage().amr();
        }
        if (used.isApp()) {
            return "otp";
        }
        return used.channel() == Channel.VOICE ? "tel" : "sms";
    }
}
