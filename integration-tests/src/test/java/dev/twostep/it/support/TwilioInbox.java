package dev.twostep.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.twostep.core.delivery.twilio.TwilioStandIn;

/** The phone side of the Twilio stand-in: waits for the text messages and calls a number has received. */
public final class TwilioInbox {
    private final TwilioStandIn twilio;

    public TwilioInbox(TwilioStandIn twilio) {
        this.twilio = twilio;
    }

    /** The {@code count}-th message or call to {@code e164}, waiting up to 15 s for it (sends run in the background). */
    public TwilioStandIn.Received await(String e164, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            List<TwilioStandIn.Received> received = twilio.receivedFor(e164);
            if (received.size() >= count) {
                return received.get(count - 1);
            }
            Pause.millis(100);
        }
        throw new AssertionError("Twilio got no request #" + count + " for " + e164);
    }

    public int count(String e164) {
        return twilio.receivedFor(e164).size();
    }
}
