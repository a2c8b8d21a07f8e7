package dev.twostep.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.twostep.core.kind.Channel;

class CodeMessagesTest {
    @Test
    void aTextMessageCarriesTheCodeAsOneWord() {
        assertEquals("012345 is your Seller Central code. It expires in 5 minutes.",
                CodeMessages.text("{0} is your {1} code. It expires in {2} minutes.", Channel.SMS, "012345",
                        "Seller Central", 5, Locale.ENGLISH));
    }

    @Test
    void aCallSpellsTheCodeDigitByDigitTwice() {
        assertEquals("Il tuo codice Seller Central è: 0, 1, 2, 3, 4, 5. Ripeto: 0, 1, 2, 3, 4, 5.",
                CodeMessages.text("Il tuo codice {1} è: {0}. Ripeto: {0}.", Channel.VOICE, "012345", "Seller Central",
                        5, Locale.ITALIAN));
    }

    @Test
    void quotesInPatternsFollowMessageFormat() {
        assertEquals("Don't share 123456 with Bob's shop",
                CodeMessages.text("Don''t share {0} with {1}", Channel.SMS, "123456", "Bob's shop", 5, Locale.ENGLISH));
    }
}
