package dev.twostep.enroll;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.twostep.core.kind.Channel;
import dev.twostep.core.passkey.StagedPasskey;

/**
 * A method the seller has proven (or, for a backup phone, explicitly saved unverified) during this
 * enrollment, held in the login's notes until "Got it" stores it. A phone, the app's secret, or a passkey
 * the browser registered.
 */
public record ChosenMethod(String number, Channel channel, boolean verified, String otpSecret, StagedPasskey passkey) {

    @JsonCreator
    public ChosenMethod(@JsonProperty("number") String number, @JsonProperty("channel") Channel channel,
                        @JsonProperty("verified") boolean verified, @JsonProperty("otpSecret") String otpSecret,
                        @JsonProperty("passkey") StagedPasskey passkey) {
        this.number = number;
        this.channel = channel;
        this.verified = verified;
        this.otpSecret = otpSecret;
        this.passkey = passkey;
    }

    public static ChosenMethod phone(String number, Channel channel, boolean verified) {
        return new ChosenMethod(number, channel, verified, null, null);
    }

    public static ChosenMethod app(String otpSecret) {
        return new ChosenMethod(null, null, true, otpSecret, null);
    }

    public static ChosenMethod passkey(StagedPasskey passkey) {
        return new ChosenMethod(null, null, true, null, passkey);
    }

    /** The app a seller already has, named in a change only to keep the new method different from it. */
    static ChosenMethod existingApp() {
        // Its secret stays in its credential: a non-null marker is all "is the app" needs.
        return new ChosenMethod(null, null, true, "", null);
    }

    /** The passkey a seller already has, named in a change only to keep the new method different from it. */
    static ChosenMethod existingPasskey(String label) {
        return new ChosenMethod(null, null, true, null, new StagedPasskey(label, null, null, null));
    }

    @JsonIgnore
    public boolean isApp() {
        return otpSecret != null;
    }

    @JsonIgnore
    public boolean isPasskey() {
        return passkey != null;
    }

    @JsonIgnore
    public boolean isPhone() {
        return number != null;
    }
}
