package dev.twostep.core.device;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The secret part of a trusted device: only the hash of the cookie's token, never the token. */
public record TrustedDeviceSecret(String tokenHash) {
    @JsonCreator
    public TrustedDeviceSecret(@JsonProperty("tokenHash") String tokenHash) {
        this.tokenHash = tokenHash;
    }
}
