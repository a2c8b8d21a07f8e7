package dev.twostep.core.passkey;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A passkey the browser registered and Keycloak's WebAuthn checks accepted, not stored yet: the enrollment
 * keeps it in the login's notes until the seller finishes, as it keeps a proven phone.
 */
public record StagedPasskey(String label, String credentialData, String secretData, KeyStorage storage) {
    @JsonCreator
    public StagedPasskey(@JsonProperty("label") String label, @JsonProperty("credentialData") String credentialData,
                         @JsonProperty("secretData") String secretData, @JsonProperty("storage") KeyStorage storage) {
        this.label = label;
        this.credentialData = credentialData;
        this.secretData = secretData;
        this.storage = storage;
    }
}
