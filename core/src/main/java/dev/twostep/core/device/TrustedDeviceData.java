package dev.twostep.core.device;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The public part of a trusted device: when it was trusted and when the trust ends (epoch millis). */
public record TrustedDeviceData(long trustedAt, long expiresAt) {
    @JsonCreator
    public TrustedDeviceData(@JsonProperty("trustedAt") long trustedAt, @JsonProperty("expiresAt") long expiresAt) {
        this.trustedAt = trustedAt;
        this.expiresAt = expiresAt;
    }
}
