package dev.twostep.core.delivery.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.twostep.core.delivery.DeliveryException;
import dev.twostep.core.delivery.OutgoingMessage;
import dev.twostep.core.kind.Channel;

/** The real Twilio SDK, through our HTTP client, against a local server that answers as Twilio does. */
class TwilioSenderTest {
    private static final String ACCOUNT = TwilioStandIn.madeUpSid("AC");
    private static final String TOKEN = "test-auth-token";
    private static final String FROM = "+15005550006";
    private static final String TO = "+393471234567";

    private TwilioStandIn twilio;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @BeforeEach
    void start() throws Exception {
        twilio = new TwilioStandIn(ACCOUNT, ACCOUNT, TOKEN);
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    private TwilioSender sender(String apiKey, String secret, String from, String messagingService, Duration timeout) {
        TwilioSettings settings = new TwilioSettings(ACCOUNT, apiKey, secret, from, messagingService,
                URI.create(twilio.baseUrl()), timeout);
        return TwilioSenderFactory.sender(settings, TwilioHttp.newJdkClient(timeout), json);
    }

    private TwilioSender sender() {
        return sender(null, TOKEN, FROM, null, Duration.ofSeconds(5));
    }

    private static OutgoingMessage sms(String to) {
        return new OutgoingMessage(Channel.SMS, to, "123456 is your Seller Central verification code.", "123456",
                "seller", "mario", Locale.ENGLISH);
    }

    @Test
    void aTextMessageIsOneAuthenticatedMessagesCall() throws Exception {
        sender().send(sms(TO));
        TwilioStandIn.Received sent = twilio.received().get(0);
        assertEquals("Messages", sent.kind());
        assertEquals(ACCOUNT, sent.accountSid());
        assertEquals(TO, sent.form().get("To"));
        assertEquals(FROM, sent.form().get("From"));
        assertEquals("123456 is your Seller Central verification code.", sent.form().get("Body"));
        assertEquals("123456", sent.code());
    }

    @Test
    void aMessagingServiceReplacesTheFromNumber() throws Exception {
        sender(null, TOKEN, null, TwilioStandIn.madeUpSid("MG"), Duration.ofSeconds(5)).send(sms(TO));
        TwilioStandIn.Received sent = twilio.received().get(0);
        assertEquals(TwilioStandIn.madeUpSid("MG"), sent.form().get("MessagingServiceSid"));
        assertNull(sent.form().get("From"));
    }

    @Test
    void anApiKeySignsInsteadOfTheAccount() throws Exception {
        twilio.close();
        twilio = new TwilioStandIn(ACCOUNT, TwilioStandIn.madeUpSid("SK"), "key-secret");
        sender(TwilioStandIn.madeUpSid("SK"), "key-secret", FROM, null, Duration.ofSeconds(5)).send(sms(TO));
        assertEquals(1, twilio.received().size());
        assertEquals(ACCOUNT, twilio.received().get(0).accountSid(), "the account stays in the path");
    }

    @Test
    void aCallReadsTheTextInItalianWithEverythingEscaped() throws Exception {
        String text = "Il tuo codice di verifica per <Shop & \"Co\"> è: 1, 2, 3, 4, 5, 6. Ripeto: 1, 2, 3, 4, 5, 6.";
        sender().send(new OutgoingMessage(Channel.VOICE, TO, text, "123456", "seller", "mario", Locale.ITALIAN));
        TwilioStandIn.Received call = twilio.received().get(0);
        assertEquals("Calls", call.kind());
        assertEquals(FROM, call.form().get("From"));
        String twiml = call.form().get("Twiml");
        assertFalse(twiml.contains("<Shop"), "user-visible text cannot add elements: " + twiml);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8)));
        Element say = (Element) doc.getElementsByTagName("Say").item(0);
        assertEquals("it-IT", say.getAttribute("language"));
        assertEquals("Polly.Bianca", say.getAttribute("voice"));
        assertEquals(text, say.getTextContent());
        assertEquals(1, doc.getElementsByTagName("Say").getLength());
        assertEquals("123456", call.code());
    }

    @Test
    void anEnglishCallUsesAnEnglishVoice() throws Exception {
        sender().send(new OutgoingMessage(Channel.VOICE, TO, "Your code is: 1, 2, 3, 4, 5, 6.", "123456",
                "seller", "mario", Locale.ENGLISH));
        String twiml = twilio.received().get(0).form().get("Twiml");
        assertTrue(twiml.contains("language=\"en-US\""), twiml);
        assertTrue(twiml.contains("voice=\"Polly.Joanna\""), twiml);
    }

    @Test
    void twilioErrorsBecomeMessagesTheSellerUnderstands() {
        assertEquals("twoStepErrorInvalidNumber", failureFor(TwilioErrors.INVALID_NUMBER));
        assertEquals("twoStepErrorNotMobile", failureFor(TwilioErrors.NOT_SMS_CAPABLE));
        assertEquals("twoStepErrorCountryNotAllowed", failureFor(TwilioErrors.NOT_PERMITTED_COUNTRY));
        assertEquals("twoStepErrorNumberNotReachable", failureFor(TwilioErrors.UNVERIFIED_TRIAL_NUMBER));
        assertEquals("twoStepErrorBusy", failureFor(TwilioErrors.TOO_MANY_REQUESTS));
    }

    @Test
    void wrongCredentialsGiveTheSellerAGenericMessage() {
        DeliveryException failure = assertThrows(DeliveryException.class,
                () -> sender(null, "wrong-token", FROM, null, Duration.ofSeconds(5)).send(sms(TO)));
        assertEquals("twoStepSendFailed", failure.messageKey());
        assertTrue(failure.getMessage().contains("20003"), failure.getMessage());
        assertFalse(failure.getMessage().contains("wrong-token"));
    }

    @Test
    void aSlowTwilioIsGivenUpAfterTheTimeout() {
        twilio.slowDown(Duration.ofSeconds(3));
        DeliveryException failure = assertThrows(DeliveryException.class,
                () -> sender(null, TOKEN, FROM, null, Duration.ofSeconds(1)).send(sms(TO)));
        assertEquals("twoStepSendFailed", failure.messageKey());
        assertTrue(failure.getMessage().contains("did not answer"), failure.getMessage());
    }

    @Test
    void anUnconfiguredSenderSendsNothingAndSaysWhy() {
        DeliveryException failure = assertThrows(DeliveryException.class,
                () -> sender(null, null, null, null, Duration.ofSeconds(1)).send(sms(TO)));
        assertEquals("twoStepSendFailed", failure.messageKey());
        assertTrue(failure.getMessage().contains("auth-token"), failure.getMessage());
        assertTrue(twilio.received().isEmpty());
    }

    @Test
    void settingsNeverPrintTheSecret() {
        TwilioSettings settings = new TwilioSettings(ACCOUNT, null, TOKEN, FROM, null, TwilioSettings.TWILIO_API,
                Duration.ofSeconds(5));
        assertFalse(settings.toString().contains(TOKEN));
    }

    private String failureFor(int twilioCode) {
        String number = "+3934700" + twilioCode;
        twilio.failFor(number, twilioCode);
        DeliveryException failure = assertThrows(DeliveryException.class, () -> sender().send(sms(number)));
        assertFalse(failure.getMessage().contains(number), "the log line holds no full number");
        return failure.messageKey();
    }
}
