package dev.twostep.core.passkey;

/**
 * Where a passkey's private key lives, as RFC 8176 names it in a token's {@code amr}: a key that cannot leave
 * its authenticator (a security key, a device-bound passkey) is a hardware key; any other counts as software.
 * An app may give a hardware key more rights, so the claim needs more than the authenticator's own word:
 * a certificate chain in its attestation, checked against Keycloak's truststore for a realm that accepts only
 * the models it lists (a public web CA in the truststore vouches for no authenticator), and the signed
 * backup-eligible flag saying the key cannot be synced. Short of that (no attestation asked for, self
 * attestation, any model accepted) a key is software, whatever it says of itself.
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

    /**
     * From the registration: whether its attestation carried a certificate chain worth anything
     * ({@code vouched}: see {@link PasskeyRegistration}), and its backup-eligible (BE) flag.
     */
    public static KeyStorage of(boolean vouched, boolean backupEligible) {
        return vouched && !backupEligible ? HARDWARE : SOFTWARE;
    }
}
