package dev.twostep.core.lookup;

import java.util.Locale;

/**
 * What kind of line a number is, as far as a 2SV code cares: can it take a text, a call, or neither. Lookup
 * services name more kinds than that; the ones that behave alike are folded together here.
 */
public enum LineType {
    MOBILE,
    LANDLINE,
    /** Fixed and non-fixed VoIP alike: both take texts and calls, neither is bound to one handset. */
    VOIP,
    TOLL_FREE,
    PAGER,
    /** Premium-rate and shared-cost lines: the ones toll fraud pumps. */
    PREMIUM,
    VOICEMAIL,
    /** Personal, UAN, unknown, or a type the service did not name. */
    UNKNOWN;

    /** The type Twilio Lookup's Line Type Intelligence reports ({@code mobile}, {@code nonFixedVoip}, ...). */
    public static LineType fromTwilio(String type) {
        if (type == null) {
            return UNKNOWN;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "mobile" -> MOBILE;
            case "landline" -> LANDLINE;
            case "fixedvoip", "nonfixedvoip" -> VOIP;
            case "tollfree" -> TOLL_FREE;
            case "pager" -> PAGER;
            case "premium", "sharedcost" -> PREMIUM;
            case "voicemail" -> VOICEMAIL;
            default -> UNKNOWN;
        };
    }
}
