package dev.twostep.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.twostep.core.code.AuthSessionNotes;
import dev.twostep.core.code.CodeCheck;
import dev.twostep.core.code.PendingCode;
import dev.twostep.core.code.PhoneCodeCheck;
import dev.twostep.core.kind.Channel;
import dev.twostep.core.policy.TwoStepPolicy;
import dev.twostep.core.testing.StandInKeycloak;
import dev.twostep.core.testing.StandInUser;

/** What a send costs and refuses, and what the seller hears when the gateway fails, on stand-ins of Keycloak. */
class PhoneCodeDeliveryTest {
    private static final String NUMBER = "+393471234567";
    private final StandInKeycloak kc = new StandInKeycloak();
    private final StandInUser user = new StandInUser();
    private final PendingCode pending = new PendingCode(new AuthSessionNotes(kc.authSession), "test");

    private static TwoStepPolicy policy(Duration cooldown, int perUser, int perNumber, Set<String> countries) {
        return policy(cooldown, perUser, perNumber, TwoStepPolicy.defaults().sendsPerIpPerHour(), countries);
    }

    private static TwoStepPolicy policy(Duration cooldown, int perUser, int perNumber, int perAddress,
                                        Set<String> countries) {
        TwoStepPolicy d = TwoStepPolicy.defaults();
        return new TwoStepPolicy(d.codeLength(), d.codeLifetime(), d.maxWrongTries(), cooldown,
                d.trustedDeviceLifetime(), perUser, perNumber, perAddress, countries, d.lookup(),
                d.newBrowserWindow());
    }

    private Optional<String> send(TwoStepPolicy policy, boolean proven) {
        return new PhoneCodeDelivery(kc.session, policy, kc.event()).send(kc.realm, user.model, pending, NUMBER, Channel.SMS,
                NUMBER, proven);
    }

    @Test
    void aSendIssuesTheCodeItDeliversAndOnlyItsHashStaysInTheLogin() {
        assertEquals(Optional.empty(), send(TwoStepPolicy.defaults(), true));
        OutgoingMessage message = kc.sent.get(0);
        assertEquals(NUMBER, message.to());
        assertTrue(message.text().startsWith(message.code() + " is your seller code"), message.text());
        assertTrue(kc.authNotes.values().stream().noneMatch(value -> value.contains(message.code())),
                "the code itself is never kept");
        assertEquals(CodeCheck.VALID, new PhoneCodeCheck(TwoStepPolicy.defaults(), kc.singleUse)
                .check(pending, message.code()));
        assertNull(new PhoneCodeDelivery(kc.session, TwoStepPolicy.defaults(), kc.event()).statusUrl(kc.realm,
                new PendingCode(new AuthSessionNotes(kc.authSession), "unused")), "nothing to watch without a code");
    }

    @Test
    void theCooldownHoldsForTheNumberWhoeverAsks() {
        TwoStepPolicy policy = policy(Duration.ofSeconds(60), 10, 10, Set.of());
        assertEquals(Optional.empty(), send(policy, true));
        assertEquals(Optional.of(PhoneCodeDelivery.TOO_SOON), send(policy, true));
        assertTrue(new PhoneCodeDelivery(kc.session, policy, kc.event()).cooldownLeft(NUMBER, true) > 0);
        assertEquals(1, kc.sent.size());
    }

    @Test
    void theUsersHourlyBudgetRunsOut() {
        TwoStepPolicy policy = policy(Duration.ZERO, 2, 10, Set.of());
        assertEquals(Optional.empty(), send(policy, true));
        assertEquals(Optional.empty(), send(policy, true));
        assertEquals(Optional.of("twoStepSendLimit"), send(policy, true));
        assertEquals(2, kc.sent.size());
    }

    @Test
    void sendsToAnUnprovenNumberNeverSpendTheOwnersBudget() {
        TwoStepPolicy policy = policy(Duration.ZERO, 100, 1, Set.of());
        assertEquals(Optional.empty(), send(policy, false));
        assertEquals(Optional.of("twoStepSendLimit"), send(policy, false), "the unproven budget is spent");
        assertEquals(Optional.empty(), send(policy, true), "the owner's own budget is whole");
    }

    @Test
    void aCountryOutsideThePolicyIsRefusedBeforeAnythingIsSpent() {
        TwoStepPolicy policy = policy(Duration.ofSeconds(60), 10, 10, Set.of("DE"));
        assertEquals(Optional.of("twoStepErrorCountryNotAllowed"), send(policy, true));
        assertTrue(kc.sent.isEmpty());
        assertEquals(0, new PhoneCodeDelivery(kc.session, policy, kc.event()).cooldownLeft(NUMBER, true), "no turn taken");
    }

    @Test
    void aGatewayRefusalIsToldInTheSellersWordsAndTheDeadCodeGoes() {
        kc.providers.put(CodeSender.class, (CodeSender) message -> {
            throw new DeliveryException("twoStepErrorLandline", "Twilio error 21614");
        });
        assertEquals(Optional.of("twoStepErrorLandline"), send(TwoStepPolicy.defaults(), true));
        assertNull(pending.target(), "no code waits for a message that never left");
    }

    @Test
    void anUnexpectedSenderErrorIsAPlainFailureNotAStackTrace() {
        kc.providers.put(CodeSender.class, (CodeSender) message -> {
            throw new IllegalStateException("socket closed");
        });
        assertEquals(Optional.of("twoStepSendFailed"), send(TwoStepPolicy.defaults(), true));
        assertNull(pending.target());
    }

    @Test
    void anEnrollmentSendAlsoSpendsTheAddresssBudget() {
        TwoStepPolicy policy = policy(Duration.ZERO, 100, 100, 1, Set.of());
        PhoneCodeDelivery delivery = new PhoneCodeDelivery(kc.session, policy, kc.event());
        assertEquals(Optional.empty(), delivery.sendForEnrollment(kc.realm, user.model, pending, NUMBER, Channel.SMS));
        assertEquals(Optional.of("twoStepSendLimit"),
                delivery.sendForEnrollment(kc.realm, new StandInUser().model, pending, "+393479999999", Channel.VOICE),
                "another account from the same address");
    }
}
