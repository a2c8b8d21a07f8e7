package dev.twostep.enroll;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.twostep.core.kind.Channel;

/**
 * A method the seller has proven (or, for a backup phone, explicitly saved unverified) during this
 * enrollment, held in the login's notes until "Got it" stores it. Either a phone or the app's secret.
 */
public record ChosenMethod(String number, Channel channel, boolean verified, String otpSecret) {

    @JsonCreator
    public ChosenMethod(@JsonProperty("number") String number, @JsonProperty("channel") Channel channel,
                        @JsonProperty("verified") boolean verified, @JsonProperty("otpSecret") String otpSecret) {
        this.number = number;
        this.channel = channel;
        this.verified = verified;
        this.otpSecret = otpSecret;
    }

    public static ChosenMethod phone(String number, Channel channel, boolean verified) {
        return new ChosenMethod(number, channel, verified, null);
    }

    public static ChosenMethod app(String otpSecret) {
        return new ChosenMethod(null, null, true, otpSecret);
    }

    /** The app a seller already has, named in a change only to keep the new method different from it. */
    static ChosenMethod existingApp() {
        // Its secret stays in its credential: a non-null marker is all "is the app" needs.
        return new ChosenMethod(null, null, true, "");
    }

    @JsonIgnore
    public boolean isApp() {
        return otpSecret != null;
    }
}
