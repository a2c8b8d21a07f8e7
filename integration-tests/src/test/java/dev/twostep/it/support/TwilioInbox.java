package dev.twostep.it.support;

import java.time.Duration;

import dev.twostep.core.delivery.twilio.TwilioStandIn;

/** The phone side of the Twilio stand-in: waits for the text messages and calls a number has received. */
public final class TwilioInbox {
    private final TwilioStandIn twilio;

    public TwilioInbox(TwilioStandIn twilio) {
        this.twilio = twilio;
    }

    /** The {@code count}-th message or call to {@code e164}, waiting up to 15 s for it (sends run in the background). */
    public TwilioStandIn.Received await(String e164, int count) {
        try {
            return twilio.awaitFor(e164, count, Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError("Twilio got no request #" + count + " for " + e164));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a text to " + e164, e);
        }
    }

    public int count(String e164) {
        return twilio.receivedFor(e164).size();
    }
}
