package dev.twostep.core.passkey;

/**
 * Where a passkey's private key lives, as RFC 8176 names it in a token's {@code amr}: a key that cannot leave
 * its authenticator (a security key, a device-bound passkey) is a hardware key; a key its authenticator
 * says may be backed up (synced through a cloud keychain) counts as software. The authenticator says so in
 * the registration's signed authenticator data (the backup-eligible flag), not the browser in a form field.
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

    /** From the registration's backup-eligible (BE) flag. */
    public static KeyStorage of(boolean backupEligible) {
        return backupEligible ? SOFTWARE : HARDWARE;
    }
}
