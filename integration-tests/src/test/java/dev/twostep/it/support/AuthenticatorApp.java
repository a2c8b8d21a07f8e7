package dev.twostep.it.support;

import org.keycloak.models.utils.Base32;
import org.keycloak.models.utils.TimeBasedOTP;

/** Plays the seller's authenticator app: takes the typed key, makes the current code (realm defaults). */
public final class AuthenticatorApp {
    private final byte[] secret;

    public AuthenticatorApp(String typedKey) {
        this.secret = Base32.decode(typedKey.replace(" ", "").toUpperCase());
    }

    /** The app of a secret as Keycloak stores it (the raw string the typed key encodes). */
    public static AuthenticatorApp ofStoredSecret(String secret) {
        return new AuthenticatorApp(Base32.encode(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public String currentCode() {
        return new TimeBasedOTP("HmacSHA1", 6, 30, 1).generateTOTP(secret);
    }
}
