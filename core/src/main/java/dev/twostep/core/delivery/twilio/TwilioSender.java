package dev.twostep.core.delivery.twilio;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;

import java.util.Optional;

import dev.twostep.core.delivery.CodeSender;
import dev.twostep.core.delivery.DeliveryException;
import dev.twostep.core.delivery.OutgoingMessage;
import dev.twostep.core.kind.Channel;
import dev.twostep.core.lookup.LookupException;
import dev.twostep.core.lookup.NumberFacts;

/**
 * Sends codes through Twilio: text messages with the Messages API, calls with the Calls API and TwiML; and,
 * when the {@code lookup} option names packages, looks numbers up with Lookup v2.
 */
public final class TwilioSender implements CodeSender {
    private final TwilioSettings settings;
    private final TwilioRestClient client;
    private final TwilioLookup lookup;

    TwilioSender(TwilioSettings settings, TwilioRestClient client, TwilioLookup lookup) {
        this.settings = settings;
        this.client = client;
        this.lookup = lookup;
    }

    @Override
    public boolean looksUpNumbers() {
        return lookup.enabled();
    }

    @Override
    public Optional<NumberFacts> lookUp(String e164) throws LookupException {
        if (lookup.enabled() && !settings.problems().isEmpty()) {
            throw new LookupException("twilio sender not configured: " + settings.problems());
        }
        return lookup.lookUp(e164);
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryException {
        if (!settings.problems().isEmpty()) {
            throw new DeliveryException("twoStepSendFailed", "twilio sender not configured: " + settings.problems());
        }
        try {
            if (message.channel() == Channel.VOICE) {
                call(message);
            } else {
                text(message);
            }
        } catch (TwilioException e) {
            throw TwilioErrors.translate(e);
        }
    }

    private void text(OutgoingMessage message) {
        PhoneNumber to = new PhoneNumber(message.to());
        (settings.messagingServiceSid() != null
                ? Message.creator(to, settings.messagingServiceSid(), message.text())
                : Message.creator(to, new PhoneNumber(settings.from()), message.text()))
                .create(client);
    }

    private void call(OutgoingMessage message) throws DeliveryException {
        String caller = settings.caller().orElseThrow(() -> new DeliveryException("twoStepSendFailed",
                "voice calls need the twilio sender's 'from' number; a Messaging Service only sends text messages"));
        Call.creator(new PhoneNumber(message.to()), new PhoneNumber(caller),
                new Twiml(VoiceScript.twiml(message.text(), message.locale()))).create(client);
    }
}
