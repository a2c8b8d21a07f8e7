package dev.twostep.core.phone;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.twostep.core.kind.Channel;
import dev.twostep.core.kind.MethodRole;

/**
 * The public part of a phone method, stored as the credential's JSON data: the number (E.164), how codes
 * go to it, whether the seller proved they hold it, and which role it plays.
 */
public record PhoneCredentialData(String number, Channel channel, boolean verified, MethodRole role) {

    @JsonCreator
    public PhoneCredentialData(@JsonProperty("number") String number, @JsonProperty("channel") Channel channel,
                               @JsonProperty("verified") boolean verified, @JsonProperty("role") MethodRole role) {
        this.number = number;
        this.channel = channel;
        this.verified = verified;
        this.role = role;
    }
}
