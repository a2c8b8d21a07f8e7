package dev.twostep.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import dev.twostep.core.kind.Channel;
import dev.twostep.core.lookup.LookupException;
import dev.twostep.core.lookup.NumberFacts;
import dev.twostep.core.notice.ChangeNotice;
import dev.twostep.core.phone.PhoneNumbers;
import dev.twostep.core.policy.LookupPolicy;
import dev.twostep.core.policy.TwoStepPolicy;
import dev.twostep.core.web.ClientAddress;

/**
 * Decides from what the sender's lookup knows of a number whether it may get codes, and whether its SIM
 * changed lately. A lookup that fails, is too slow or is over budget decides nothing: codes go out as
 * without lookups (failing open, since the alternative locks every seller out while Lookup is down), the
 * failure is logged once, and the number is not looked up again for {@link #FAILURE_PAUSE}.
 */
public final class NumberScreen {
    /** How long a failed lookup keeps a number from being looked up again. */
    static final Duration FAILURE_PAUSE = Duration.ofMinutes(10);
    /** The refusal of a number that must not get codes: deliberately the same words whatever the reason. */
    public static final String REFUSED = "twoStepNumberRefused";
    public static final String NO_TEXTS = "twoStepNumberNoTexts";
    /** The event error an admin can watch for numbers refused for their SMS pumping risk. */
    public static final String RISKY_NUMBER_EVENT = "two_step_number_risky";
    /** The event error of a sign-in that found the primary phone's SIM changed lately. */
    public static final String SIM_CHANGED_EVENT = "two_step_sim_changed";
    private static final Logger LOG = Logger.getLogger(NumberScreen.class);

    private final KeycloakSession session;
    private final TwoStepPolicy policy;
    private final EventBuilder event;
    private final PhoneNumbers numbers = new PhoneNumbers();

    /** {@code event}: where a refusal for risk is recorded (the flow's own event; null records none). */
    public NumberScreen(KeycloakSession session, TwoStepPolicy policy, EventBuilder event) {
        this.session = session;
        this.policy = policy;
        this.event = event;
    }

    /**
     * Why no code may go to {@code e164} by {@code channel} (a message key), or empty when it may or when
     * nothing is known. Asked at enrollment and before each send.
     */
    public Optional<String> refusal(RealmModel realm, UserModel user, String e164, Channel channel) {
        Optional<NumberFacts> known = facts(realm, user, e164);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        NumberFacts facts = known.get();
        LookupPolicy rules = policy.lookup();
        if (facts.pumpingRisk() != null && facts.pumpingRisk() > rules.pumpingRiskMax()) {
            LOG.warnf("two-step: no code to %s for %s/%s: SMS pumping risk %d is above %d", numbers.mask(e164),
                    realm.getName(), user.getId(), facts.pumpingRisk(), rules.pumpingRiskMax());
            if (event != null) {
                event.clone().user(user).detail("two_step_phone", numbers.mask(e164))
                        .detail("two_step_pumping_risk", Integer.toString(facts.pumpingRisk()))
                        .error(RISKY_NUMBER_EVENT);
            }
            return Optional.of(REFUSED);
        }
        return switch (rules.ruleFor(facts.lineType())) {
            case ALLOW -> Optional.empty();
            case VOICE_ONLY -> channel == Channel.SMS ? Optional.of(NO_TEXTS) : Optional.empty();
            case REFUSE -> Optional.of(REFUSED);
        };
    }

    /**
     * Whether the SIM behind {@code e164}, a primary phone of {@code user}, changed within the policy's window
     * (false when nothing is known). The first time per number and window it also records the event
     * {@value #SIM_CHANGED_EVENT} and tells the seller by e-mail, so that a seller who did not change their
     * SIM learns of it from somewhere the thief does not hold.
     */
    public boolean simChanged(RealmModel realm, UserModel user, String e164) {
        LookupPolicy rules = policy.lookup();
        if (!rules.checksSimSwaps()) {
            return false;
        }
        boolean changed = facts(realm, user, e164)
                .map(facts -> facts.simChangedWithin(rules.simSwapWindow(), Instant.ofEpochSecond(Time.currentTime())))
                .orElse(false);
        if (changed && session.singleUseObjects().putIfAbsent("two-step.sim-changed." + user.getId() + "." + e164,
                rules.simSwapWindow().toSeconds())) {
            LOG.infof("two-step: the SIM of %s (primary of %s/%s) changed lately; it is not used to sign in",
                    numbers.mask(e164), realm.getName(), user.getId());
            if (event != null) {
                event.clone().user(user).detail("two_step_phone", numbers.mask(e164)).error(SIM_CHANGED_EVENT);
            }
            new ChangeNotice(session).send(realm, user, ChangeNotice.Change.SIM_CHANGED);
        }
        return changed;
    }

    private Optional<NumberFacts> facts(RealmModel realm, UserModel user, String e164) {
        CodeSender sender = session.getProvider(CodeSender.class);
        if (sender == null || !sender.looksUpNumbers()) {
            return Optional.empty();
        }
        LookupCache cache = new LookupCache(session.singleUseObjects());
        Optional<LookupCache.Entry> cached = cache.get(e164);
        if (cached.isPresent()) {
            return cached.get().facts();
        }
        // A lookup is paid like a message: it has budgets of the same size, apart from the messages' own.
        SendLimits limits = new SendLimits(session.singleUseObjects());
        String address = ClientAddress.limitKey(session.getContext().getConnection().getRemoteAddr());
        if (!limits.take(SendLimits.lookupsOf(realm.getId(), user.getId()), policy.sendsPerUserPerHour(),
                Duration.ofHours(1))
                || !limits.take(SendLimits.lookupsFrom(realm.getId(), address), policy.sendsPerIpPerHour(),
                Duration.ofHours(1))) {
            LOG.warnf("two-step: lookup budget spent for %s/%s or address %s; %s not looked up", realm.getName(),
                    user.getId(), address, numbers.mask(e164));
            return Optional.empty();
        }
        try {
            Optional<NumberFacts> facts = sender.lookUp(e164);
            facts.ifPresent(found -> cache.remember(e164, found, policy.lookup().cacheFor()));
            return facts;
        } catch (LookupException e) {
            LOG.warnf("two-step: lookup of %s for %s/%s failed (%s); codes go to it without a lookup for %d minutes",
                    numbers.mask(e164), realm.getName(), user.getId(), e.getMessage(), FAILURE_PAUSE.toMinutes());
            cache.rememberFailure(e164, FAILURE_PAUSE);
            return Optional.empty();
        }
    }
}
