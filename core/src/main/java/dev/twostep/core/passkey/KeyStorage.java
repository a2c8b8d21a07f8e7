package dev.twostep.core.passkey;

import java.util.Locale;

import org.keycloak.WebAuthnConstants;

/**
 * Where a passkey's private key lives, as RFC 8176 names it in a token's {@code amr}: a security key plugged
 * in or tapped (a cross-platform authenticator) holds it in hardware; a passkey of the phone or computer
 * itself is counted as software, since such passkeys are often synced through a cloud keychain.
 */
public enum KeyStorage {
    HARDWARE("hwk"), SOFTWARE("swk");

    private final String amr;

    KeyStorage(String amr) {
        this.amr = amr;
    }

    public String amr() {
        return amr;
    }

    /** From the browser's {@code authenticatorAttachment} at registration; unknown counts as software. */
    public static KeyStorage fromAttachment(String attachment) {
        return WebAuthnConstants.AUTHENTICATOR_ATTACHMENT_CROSS_PLATFORM.equals(attachment) ? HARDWARE : SOFTWARE;
    }

    public static KeyStorage fromAmr(String amr) {
        return HARDWARE.amr.equals(amr == null ? null : amr.toLowerCase(Locale.ROOT)) ? HARDWARE : SOFTWARE;
    }
}
