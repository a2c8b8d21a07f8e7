package dev.twostep.core.delivery.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.twostep.core.delivery.twilio.TwilioStandIn.LookupAnswer;
import dev.twostep.core.lookup.LineType;
import dev.twostep.core.lookup.LookupException;
import dev.twostep.core.lookup.NumberFacts;

/** Twilio Lookup v2 through the real SDK and our HTTP client, against the stand-in's documented answers. */
class TwilioLookupTest {
    private static final String ACCOUNT = TwilioStandIn.madeUpSid("AC");
    private static final String TOKEN = "test-auth-token";
    private static final String NUMBER = "+393471234567";
    private static final String ALL = "line-type,sms-pumping-risk,sim-swap";

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

    private TwilioSender sender(String packages, String secret, Duration lookupTimeout) {
        TwilioSettings settings = new TwilioSettings(ACCOUNT, null, secret, "+15005550006", null,
                URI.create(twilio.baseUrl()), Duration.ofSeconds(5));
        return TwilioSenderFactory.sender(settings, TwilioHttp.newJdkClient(Duration.ofSeconds(5)), json, packages,
                URI.create(twilio.baseUrl()), lookupTimeout);
    }

    private NumberFacts lookUp(LookupAnswer answer) throws LookupException {
        twilio.lookupAnswers(NUMBER, answer);
        return sender(ALL, TOKEN, Duration.ofSeconds(2)).lookUp(NUMBER).orElseThrow();
    }

    @Test
    void aMobileIsOneAuthenticatedGetWithThePackagesAsked() throws Exception {
        NumberFacts facts = lookUp(LookupAnswer.of("mobile"));
        assertEquals(LineType.MOBILE, facts.lineType());
        assertEquals(5, facts.pumpingRisk());
        assertNull(facts.lastSimSwap());
        assertFalse(facts.swappedInPeriod());
        assertEquals(1, twilio.lookupsOf(NUMBER));
        assertTrue(twilio.received().isEmpty(), "a lookup sends nothing");
    }

    @Test
    void lineTypesAreReadAsTwilioNamesThem() throws Exception {
        assertEquals(LineType.LANDLINE, lookUp(LookupAnswer.of("landline")).lineType());
        assertEquals(LineType.VOIP, lookUp(LookupAnswer.of("nonFixedVoip")).lineType());
        assertEquals(LineType.VOIP, lookUp(LookupAnswer.of("fixedVoip")).lineType());
        assertEquals(LineType.TOLL_FREE, lookUp(LookupAnswer.of("tollFree")).lineType());
        assertEquals(LineType.PAGER, lookUp(LookupAnswer.of("pager")).lineType());
        assertEquals(LineType.PREMIUM, lookUp(LookupAnswer.of("sharedCost")).lineType());
        assertEquals(LineType.UNKNOWN, lookUp(LookupAnswer.of("uan")).lineType());
    }

    @Test
    void theRiskScoreAndTheSimChangeArrive() throws Exception {
        Instant swapped = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        NumberFacts facts = lookUp(LookupAnswer.of("mobile").risk(93).simSwappedAt(swapped));
        assertEquals(93, facts.pumpingRisk());
        assertEquals(swapped, facts.lastSimSwap());
        assertTrue(facts.swappedInPeriod());
        assertTrue(facts.simChangedWithin(Duration.ofHours(72), Instant.now()));
        assertFalse(facts.simChangedWithin(Duration.ofHours(2), Instant.now()));
    }

    @Test
    void onlyThePackagesTheAccountHasAreAskedFor() throws Exception {
        twilio.lookupAnswers(NUMBER, LookupAnswer.of("landline").risk(99));
        NumberFacts facts = sender("line-type", TOKEN, Duration.ofSeconds(2)).lookUp(NUMBER).orElseThrow();
        assertEquals(LineType.LANDLINE, facts.lineType());
        assertNull(facts.pumpingRisk(), "no score without the package");
    }

    @Test
    void withoutPackagesNothingIsAsked() throws Exception {
        TwilioSender off = sender("", TOKEN, Duration.ofSeconds(2));
        assertFalse(off.looksUpNumbers());
        assertTrue(off.lookUp(NUMBER).isEmpty());
        assertEquals(0, twilio.lookups().size());
    }

    @Test
    void anErrorAnswerIsAFailedLookupWithoutTheNumberInTheLog() {
        twilio.lookupAnswers(NUMBER, LookupAnswer.failing(500));
        LookupException failure = assertThrows(LookupException.class,
                () -> sender(ALL, TOKEN, Duration.ofSeconds(2)).lookUp(NUMBER));
        assertFalse(failure.getMessage().contains(NUMBER), failure.getMessage());
        assertEquals(1, twilio.lookupsOf(NUMBER), "asked once, never retried");
    }

    @Test
    void refusedCredentialsAreAFailedLookup() {
        assertThrows(LookupException.class, () -> sender(ALL, "wrong-token", Duration.ofSeconds(2)).lookUp(NUMBER));
    }

    @Test
    void aSlowLookupGivesUpAtItsOwnDeadline() {
        twilio.slowLookups(Duration.ofSeconds(3));
        long started = System.nanoTime();
        assertThrows(LookupException.class, () -> sender(ALL, TOKEN, Duration.ofMillis(300)).lookUp(NUMBER));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0,
                "the lookup's own deadline, not the stand-in's pace");
    }

    @Test
    void unknownPackageNamesAreProblemsNotSilence() {
        TwilioLookup.Packages packages = TwilioLookup.Packages.of("line-type, carrier");
        assertEquals(1, packages.chosen().size());
        assertEquals(1, packages.problems().size());
        assertTrue(packages.problems().get(0).contains("carrier"));
    }
}
