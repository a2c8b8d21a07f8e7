package dev.twostep.enroll;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.EventType;
import org.keycloak.sessions.AuthenticationSessionModel;

import dev.twostep.core.code.AuthSessionNotes;
import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.method.MethodsBaseline;
import dev.twostep.core.method.UserMethods;
import dev.twostep.core.phone.PhoneNumbers;

/**
 * The enrollment every user without complete 2SV meets at sign-in: a primary method, a different backup,
 * then "Almost done". Each form post names its {@code action}; the page comes from the login's notes, so a
 * reload, a locale switch or a tampered field never skips a step.
 */
public final class EnrollAction implements RequiredActionProvider {
    /** The enrollment itself never runs as a change of one method. */
    private static final ChangeOutcome NO_CHANGE = new ChangeOutcome() {
        @Override
        public void saved(MethodRole role) {
            throw new IllegalStateException("no method change in an enrollment");
        }

        @Override
        public void cancelled() {
            throw new IllegalStateException("no method change in an enrollment");
        }
    };

    private final PhoneNumbers numbers = new PhoneNumbers();

    /**
     * The Account Console's "Set up" (for a seller without a phone) asks for it by name: a seller with
     * incomplete 2SV walks it, a complete one is back at once with nothing changed.
     */
    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        if (!UserMethods.of(context.getUser()).isComplete()) {
            context.getUser().addRequiredAction(EnrollActionFactory.PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        EnrollmentState state = state(context);
        if (overtaken(context, state)) {
            return;
        }
        if (state.changing().isPresent()) {
            // A change left half-way in the settings has nothing to do with an enrollment.
            state.clearAll();
        }
        if (state.chosen(MethodRole.PRIMARY).isEmpty() && UserMethods.of(context.getUser()).isComplete()) {
            // Nothing to enroll: 2SV is complete already (methods an admin imported with the user, or set up
            // in another tab). The realm's default action must not make such a seller start over.
            context.getUser().removeRequiredAction(EnrollActionFactory.PROVIDER_ID);
            context.success();
            return;
        }
        context.challenge(new EnrollForm(context, state, numbers).render(state.page()));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        EnrollmentState state = state(context);
        if (overtaken(context, state)) {
            return;
        }
        new EnrollmentSteps(context, state, NO_CHANGE).handle();
    }

    /**
     * True (and the page that says so shown) when the user's methods changed since this login reached the
     * enrollment: someone set up 2SV in another browser. What this login collected is dropped, never stored
     * over theirs, and it can go on only by signing in again, behind a code from the methods there are now.
     */
    private boolean overtaken(RequiredActionContext context, EnrollmentState state) {
        AuthenticationSessionModel login = context.getAuthenticationSession();
        MethodsBaseline.recordIfAbsent(login, context.getUser());
        if (!MethodsBaseline.changedSince(login, context.getUser())) {
            return false;
        }
        state.clearAll();
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL_ERROR).user(context.getUser())
                .detail("two_step_change", "enrollment-overtaken").error("two_step_methods_changed");
        context.challenge(new EnrollForm(context, state, numbers).render(EnrollPage.STALE));
        return true;
    }

    @Override
    public void close() {
    }

    private static EnrollmentState state(RequiredActionContext context) {
        return new EnrollmentState(new AuthSessionNotes(context.getAuthenticationSession()));
    }
}
