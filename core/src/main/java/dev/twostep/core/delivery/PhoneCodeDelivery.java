package dev.twostep.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import dev.twostep.core.code.CodeGenerator;
import dev.twostep.core.code.PendingCode;
import dev.twostep.core.method.Channel;
import dev.twostep.core.phone.PhoneNumbers;
import dev.twostep.core.policy.TwoStepPolicy;

/**
 * Issues a code for a phone and hands it to the configured sender, keeping the resend cooldown. Returns
 * the message key to show when nothing went out, empty when the code is on its way.
 */
public final class PhoneCodeDelivery {
    private static final Logger LOG = Logger.getLogger(PhoneCodeDelivery.class);

    private final KeycloakSession session;
    private final TwoStepPolicy policy;
    private final CodeGenerator generator = new CodeGenerator();

    public PhoneCodeDelivery(KeycloakSession session, TwoStepPolicy policy) {
        this.session = session;
        this.policy = policy;
    }

    /** Seconds left before the same target (a number, or a number and channel) may get another code. */
    public long cooldownLeft(PendingCode pending, String target) {
        Instant sent = pending.sentAt();
        if (sent == null || !target.equals(pending.target())) {
            return 0;
        }
        Duration left = Duration.between(Instant.now(), sent.plus(policy.resendCooldown()));
        return left.isNegative() ? 0 : Math.max(1, left.toSeconds());
    }

    public Optional<String> send(RealmModel realm, UserModel user, PendingCode pending, String number, Channel channel) {
        return send(realm, user, pending, number, channel, number);
    }

    /** As above, recording the code under {@code target}, which tells a resend from a send elsewhere. */
    public Optional<String> send(RealmModel realm, UserModel user, PendingCode pending, String number, Channel channel,
                                 String target) {
        SendLimits limits = new SendLimits(session.singleUseObjects());
        if (!limits.take(SendLimits.user(realm.getId(), user.getId()), policy.sendsPerUserPerHour(), Duration.ofHours(1))
                || !limits.take(SendLimits.number(number), policy.sendsPerNumberPerDay(), Duration.ofDays(1))) {
            LOG.warnf("two-step: send limit reached for %s/%s or %s; no message sent", realm.getName(), user.getId(),
                    new PhoneNumbers().mask(number));
            return Optional.of("twoStepSendLimit");
        }
        String code = pending.issue(target, policy, generator);
        try {
            session.getProvider(CodeSender.class).send(new CodeMessages(session)
                    .compose(realm, user, channel, number, code, (int) policy.codeLifetime().toMinutes()));
            return Optional.empty();
        } catch (DeliveryException e) {
            pending.clear();
            LOG.warnf(e, "two-step: %s code to %s for %s/%s not sent: %s", channel.id(),
                    new PhoneNumbers().mask(number), realm.getName(), user.getId(), e.getMessage());
            return Optional.of(e.messageKey());
        }
    }
}
