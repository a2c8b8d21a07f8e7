package dev.twostep.it.support;

import org.keycloak.models.utils.Base32;
import org.keycloak.models.utils.TimeBasedOTP;

/** Plays the seller's authenticator app: takes the typed key, makes the current code (realm defaults). */
public final class AuthenticatorApp {
    private final byte[] secret;

    public AuthenticatorApp(String typedKey) {
        this.secret = Base32.decode(typedKey.replace(" ", "").toUpperCase());
    }

    public String currentCode() {
        return new TimeBasedOTP("HmacSHA1", 6, 30, 1).generateTOTP(secret);
    }
}
