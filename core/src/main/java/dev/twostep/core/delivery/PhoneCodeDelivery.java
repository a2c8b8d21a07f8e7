package dev.twostep.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import dev.twostep.core.code.CodeGenerator;
import dev.twostep.core.code.PendingCode;
import dev.twostep.core.kind.Channel;
import dev.twostep.core.phone.PhoneNumbers;
import dev.twostep.core.policy.TwoStepPolicy;
import dev.twostep.core.web.ClientAddress;

/**
 * Issues a code for a phone and hands it to the configured sender, keeping the resend cooldown and the send
 * limits. The send itself runs on Keycloak's executor so a slow gateway never holds the page: a quick answer
 * (a failure within {@link #QUICK_ANSWER}) is reported at once, a later one is recorded in
 * {@link DeliveryStatus} and picked up by the page's status check or the seller's next step.
 */
public final class PhoneCodeDelivery {
    /** Longest a page waits for the sender before showing "code sent"; slow gateways finish in the background. */
    static final Duration QUICK_ANSWER = Duration.ofMillis(100);
    static final String EXECUTOR = "two-step-delivery";
    /** The refusal of a send that lost the number's turn to another send (another tab, another node). */
    public static final String TOO_SOON = "twoStepSendTooSoon";
    private static final Logger LOG = Logger.getLogger(PhoneCodeDelivery.class);

    private final KeycloakSession session;
    private final TwoStepPolicy policy;
    private final EventBuilder event;
    private final CodeGenerator generator = new CodeGenerator();

    /** {@code event}: the flow's event, where a number refused for its risk is recorded. */
    public PhoneCodeDelivery(KeycloakSession session, TwoStepPolicy policy, EventBuilder event) {
        this.session = session;
        this.policy = policy;
        this.event = event;
    }

    /**
     * Seconds before {@code number} may get another code, whoever asked for the last one and by which channel;
     * {@code proven} says whether the user proved the number (see {@link NumberCooldown}).
     */
    public long cooldownLeft(String number, boolean proven) {
        return new NumberCooldown(session.singleUseObjects()).left(number, proven, policy.resendCooldown());
    }

    /**
     * Sends a code to {@code number}, recording it under {@code target}, which tells a resend from a send
     * elsewhere. A number the user proved ({@code proven}) spends its own daily budget; any other number
     * spends the budget of unproven sends to it, never its owner's. Both spend the user's hourly budget.
     */
    public Optional<String> send(RealmModel realm, UserModel user, PendingCode pending, String number, Channel channel,
                                 String target, boolean proven) {
        Optional<String> refused = refusal(realm, user, number, channel);
        if (refused.isPresent()) {
            return refused;
        }
        if (!new NumberCooldown(session.singleUseObjects()).take(number, proven, policy.resendCooldown())) {
            return Optional.of(TOO_SOON);
        }
        SendLimits limits = new SendLimits(session.singleUseObjects());
        String numberBudget = proven ? SendLimits.number(number) : SendLimits.unprovenNumber(number);
        if (!limits.take(SendLimits.user(realm.getId(), user.getId()), policy.sendsPerUserPerHour(), Duration.ofHours(1))
                || !limits.take(numberBudget, policy.sendsPerNumberPerDay(), Duration.ofDays(1))) {
            LOG.warnf("two-step: send limit reached for %s/%s or %s; no message sent", realm.getName(), user.getId(),
                    new PhoneNumbers().mask(number));
            return Optional.of("twoStepSendLimit");
        }
        String code = pending.issue(target, policy, generator);
        OutgoingMessage message = new CodeMessages(session)
                .compose(realm, user, channel, number, code, (int) policy.codeLifetime().toMinutes());
        CodeSender sender = session.getProvider(CodeSender.class);
        String deliveryId = pending.deliveryId();
        String where = realm.getName() + "/" + user.getId();
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        long lifetime = policy.codeLifetime().toSeconds();
        Instant expires = Instant.now().plus(policy.codeLifetime());
        Future<Optional<String>> outcome = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR).submit(() -> {
            // A send that waited in the queue past the code's life would only cost money.
            Optional<String> failure = Instant.now().isAfter(expires) ? Optional.of("twoStepSendFailed")
                    : deliver(sender, message, where);
            try {
                KeycloakModelUtils.runJobInTransaction(factory, background -> {
                    DeliveryStatus status = new DeliveryStatus(background.singleUseObjects());
                    failure.ifPresentOrElse(key -> status.failed(deliveryId, key, lifetime),
                            () -> status.sent(deliveryId, lifetime));
                });
            } catch (RuntimeException e) {
                LOG.errorf(e, "two-step: outcome of the %s code for %s not recorded", message.channel().id(), where);
            }
            return failure;
        });
        try {
            Optional<String> failure = outcome.get(QUICK_ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            failure.ifPresent(key -> pending.clear());
            return failure;
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.errorf(e.getCause(), "two-step: %s code for %s not sent", channel.id(), where);
            pending.clear();
            return Optional.of("twoStepSendFailed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * A send for the enrollment, which anyone with a password reaches: the number is not proven yet, and the
     * send also counts against the budget of the caller's IP address, so one client cannot pump messages
     * through many accounts.
     */
    public Optional<String> sendForEnrollment(RealmModel realm, UserModel user, PendingCode pending, String number,
                                              Channel channel) {
        String address = ClientAddress.limitKey(session.getContext().getConnection().getRemoteAddr());
        if (!new SendLimits(session.singleUseObjects()).take(SendLimits.address(realm.getId(), address),
                policy.sendsPerIpPerHour(), Duration.ofHours(1))) {
            LOG.warnf("two-step: enrollment send limit reached for address %s in realm %s", address, realm.getName());
            return Optional.of("twoStepSendLimit");
        }
        return send(realm, user, pending, number, channel, number, false);
    }

    /**
     * Why no code may go to {@code number} by {@code channel} (a message key), or empty when it may: the
     * policy's countries and premium numbers first, then what the sender's lookup says. Every send asks it;
     * the enrollment asks it of a typed number too, which a backup saved without a code never sends to.
     */
    public Optional<String> refusal(RealmModel realm, UserModel user, String number, Channel channel) {
        return new PhoneNumbers().refusal(number, policy).or(() -> screen().refusal(realm, user, number, channel));
    }

    /** What the sender's lookups say of numbers, under this delivery's policy. */
    public NumberScreen screen() {
        return new NumberScreen(session, policy, event);
    }

    /**
     * The message key of a send that failed after its page was shown, clearing the dead code; empty while
     * the message is on its way or once it went out.
     */
    public Optional<String> laterFailure(PendingCode pending) {
        Optional<String> failure = new DeliveryStatus(session.singleUseObjects()).failure(pending.deliveryId());
        failure.ifPresent(key -> pending.clear());
        return failure;
    }

    /** Where the page asks, without a session, what became of the pending code's message; null if none. */
    public String statusUrl(RealmModel realm, PendingCode pending) {
        String deliveryId = pending.deliveryId();
        if (deliveryId == null) {
            return null;
        }
        return session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName())
                .path(DeliveryStatusResourceFactory.PROVIDER_ID).path(deliveryId).build().toString();
    }

    private static Optional<String> deliver(CodeSender sender, OutgoingMessage message, String where) {
        try {
            sender.send(message);
            return Optional.empty();
        } catch (DeliveryException e) {
            LOG.warnf("two-step: %s code to %s for %s not sent: %s", message.channel().id(),
                    new PhoneNumbers().mask(message.to()), where, e.getMessage());
            return Optional.of(e.messageKey());
        } catch (RuntimeException e) {
            LOG.errorf(e, "two-step: %s code to %s for %s not sent", message.channel().id(),
                    new PhoneNumbers().mask(message.to()), where);
            return Optional.of("twoStepSendFailed");
        }
    }
}
