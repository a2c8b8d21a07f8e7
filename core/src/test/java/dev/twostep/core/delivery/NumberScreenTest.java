package dev.twostep.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.lenient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.twostep.core.code.AuthSessionNotes;
import dev.twostep.core.code.PendingCode;
import dev.twostep.core.kind.Channel;
import dev.twostep.core.lookup.LineType;
import dev.twostep.core.lookup.NumberFacts;
import dev.twostep.core.policy.LookupPolicy;
import dev.twostep.core.policy.LookupPolicy.LineRule;
import dev.twostep.core.policy.TwoStepPolicy;
import dev.twostep.core.testing.StandInKeycloak;
import dev.twostep.core.testing.StandInUser;

/** What a lookup's answer lets through, what it costs, and how a failing Lookup is lived with. */
class NumberScreenTest {
    private static final String NUMBER = "+393471234567";
    private final StandInKeycloak kc = new StandInKeycloak();
    private final StandInUser user = new StandInUser();

    private NumberScreen screen(TwoStepPolicy policy) {
        return new NumberScreen(kc.session, policy, kc.event());
    }

    private Optional<String> refusal(LineType type, Integer risk, Channel channel, TwoStepPolicy policy) {
        kc.lookingUpNumbers();
        kc.singleUse.clear();
        kc.lookupAnswers.put(NUMBER, new NumberFacts(type, risk, null, false));
        return screen(policy).refusal(kc.realm, user.model, NUMBER, channel);
    }

    private static TwoStepPolicy with(LineRule voip, int riskMax, Duration simWindow) {
        LookupPolicy d = LookupPolicy.defaults();
        return TwoStepPolicy.defaults().withLookup(new LookupPolicy(d.cacheFor(), voip, d.tollFree(), d.pager(),
                d.unknown(), riskMax, simWindow));
    }

    @Test
    void aSenderThatLooksNothingUpDecidesNothingAndReadsNoCache() {
        assertEquals(Optional.empty(), screen(TwoStepPolicy.defaults()).refusal(kc.realm, user.model, NUMBER,
                Channel.SMS));
        assertTrue(kc.singleUse.isEmpty(), "not even a cache entry");
    }

    @Test
    void aLandlineTakesCallsButNoTexts() {
        assertEquals(Optional.of(NumberScreen.NO_TEXTS), refusal(LineType.LANDLINE, 5, Channel.SMS,
                TwoStepPolicy.defaults()));
        assertEquals(Optional.empty(), refusal(LineType.LANDLINE, 5, Channel.VOICE, TwoStepPolicy.defaults()));
    }

    @Test
    void voipFollowsThePolicy() {
        assertEquals(Optional.empty(), refusal(LineType.VOIP, 5, Channel.SMS, TwoStepPolicy.defaults()), "allowed");
        assertEquals(Optional.of(NumberScreen.NO_TEXTS),
                refusal(LineType.VOIP, 5, Channel.SMS, with(LineRule.VOICE_ONLY, 80, Duration.ZERO)));
    }

    @Test
    void refusedTypesGetTheGenericWords() {
        assertEquals(Optional.of(NumberScreen.REFUSED),
                refusal(LineType.VOIP, 5, Channel.VOICE, with(LineRule.REFUSE, 80, Duration.ZERO)));
        assertEquals(Optional.of(NumberScreen.REFUSED), refusal(LineType.PAGER, 5, Channel.SMS,
                TwoStepPolicy.defaults()), "pagers by default");
    }

    @Test
    void aRiskAboveTheLimitIsRefusedWithAnEventAndTheLimitItselfPasses() {
        assertEquals(Optional.empty(), refusal(LineType.MOBILE, 80, Channel.SMS, TwoStepPolicy.defaults()));
        assertTrue(kc.events.written.isEmpty());
        assertEquals(Optional.of(NumberScreen.REFUSED), refusal(LineType.MOBILE, 81, Channel.VOICE,
                TwoStepPolicy.defaults()));
        StandInKeycloak.Events.Written event = kc.events.written.get(0);
        assertEquals(NumberScreen.RISKY_NUMBER_EVENT, event.outcome());
        assertEquals("81", event.details().get("two_step_pumping_risk"));
        assertFalse(event.details().get("two_step_phone").contains("3471234567"), "masked");
    }

    @Test
    void oneLookupPerNumberServesEveryLaterPage() {
        kc.lookingUpNumbers();
        NumberScreen screen = screen(TwoStepPolicy.defaults());
        for (int page = 0; page < 3; page++) {
            screen.refusal(kc.realm, user.model, NUMBER, Channel.SMS);
        }
        assertEquals(List.of(NUMBER), kc.lookedUp);
    }

    @Test
    void aFailedLookupLetsTheCodeGoAndIsNotRetriedForAWhile() {
        kc.lookingUpNumbers();
        kc.lookupFailure = "Twilio Lookup did not answer within 1500 ms";
        kc.lookupAnswers.put(NUMBER, new NumberFacts(LineType.LANDLINE, 99, null, false));
        NumberScreen screen = screen(TwoStepPolicy.defaults());
        assertEquals(Optional.empty(), screen.refusal(kc.realm, user.model, NUMBER, Channel.SMS), "fails open");
        assertEquals(Optional.empty(), screen.refusal(kc.realm, user.model, NUMBER, Channel.SMS));
        assertEquals(1, kc.lookedUp.size(), "one attempt per pause, not per page");
    }

    @Test
    void lookupsHaveABudgetOfTheirOwn() {
        kc.lookingUpNumbers();
        TwoStepPolicy policy = TwoStepPolicy.defaults();
        NumberScreen screen = screen(policy);
        for (int i = 0; i < policy.sendsPerUserPerHour() + 3; i++) {
            screen.refusal(kc.realm, user.model, "+3934712345" + (10 + i), Channel.SMS);
        }
        assertEquals(policy.sendsPerUserPerHour(), kc.lookedUp.size(), "a user's pages cannot buy more lookups");
    }

    @Test
    void aRecentSimChangeIsSeenAndToldOnce() {
        kc.lookingUpNumbers();
        lenient().when(user.model.getEmail()).thenReturn("mario@example.com");
        kc.lookupAnswers.put(NUMBER, new NumberFacts(LineType.MOBILE, 5, Instant.now().minus(Duration.ofHours(5)),
                true));
        NumberScreen screen = screen(TwoStepPolicy.defaults());
        assertTrue(screen.simChanged(kc.realm, user.model, NUMBER));
        assertTrue(screen.simChanged(kc.realm, user.model, NUMBER), "still changed on the next page");
        assertEquals(List.of("twoStepNoticeSimChanged"), kc.notices, "one e-mail, not one per page");
        assertEquals(List.of(NumberScreen.SIM_CHANGED_EVENT), kc.events.outcomes());
    }

    @Test
    void anOldSimChangeOrAnOffSwitchIsNoChange() {
        kc.lookingUpNumbers();
        kc.lookupAnswers.put(NUMBER, new NumberFacts(LineType.MOBILE, 5, Instant.now().minus(Duration.ofDays(30)),
                false));
        assertFalse(screen(TwoStepPolicy.defaults()).simChanged(kc.realm, user.model, NUMBER));
        kc.lookedUp.clear();
        assertFalse(screen(with(LineRule.ALLOW, 80, Duration.ZERO)).simChanged(kc.realm, user.model, "+393471239999"));
        assertTrue(kc.lookedUp.isEmpty(), "off: not looked up at all");
    }

    @Test
    void aRefusedNumberGetsNoMessageAndSpendsNoSendBudget() {
        kc.lookingUpNumbers();
        kc.lookupAnswers.put(NUMBER, new NumberFacts(LineType.LANDLINE, 5, null, false));
        PendingCode pending = new PendingCode(new AuthSessionNotes(kc.authSession), "test");
        PhoneCodeDelivery delivery = new PhoneCodeDelivery(kc.session, TwoStepPolicy.defaults(), kc.event());
        assertEquals(Optional.of(NumberScreen.NO_TEXTS),
                delivery.send(kc.realm, user.model, pending, NUMBER, Channel.SMS, NUMBER, true));
        assertTrue(kc.sent.isEmpty());
        assertEquals(0, delivery.cooldownLeft(NUMBER, true), "the number's turn was not taken");
        assertEquals(Optional.empty(), delivery.send(kc.realm, user.model, pending, NUMBER, Channel.VOICE, NUMBER, true));
        assertEquals(Channel.VOICE, kc.sent.get(0).channel());
    }
}
