package dev.twostep.core.delivery.twilio;

import java.util.Locale;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Say;

/**
 * The TwiML of a code call: the message (which already spells the code digit by digit, twice) read in the
 * user's language. Built with the SDK's TwiML classes, which escape every character of the text.
 */
final class VoiceScript {
    private VoiceScript() {
    }

    static String twiml(String text, Locale locale) {
        boolean italian = locale != null && "it".equals(locale.getLanguage());
        Say say = new Say.Builder(text)
                .language(italian ? Say.Language.IT_IT : Say.Language.EN_US)
                .voice(italian ? Say.Voice.POLLY_BIANCA : Say.Voice.POLLY_JOANNA)
                .build();
        return new VoiceResponse.Builder().pause(new Pause.Builder().length(1).build()).say(say).build().toXml();
    }
}
