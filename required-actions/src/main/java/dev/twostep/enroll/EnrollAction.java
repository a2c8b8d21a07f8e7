package dev.twostep.enroll;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;

import dev.twostep.core.code.AuthSessionNotes;
import dev.twostep.core.method.MethodRole;
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

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        if (!UserMethods.of(context.getUser()).isComplete()) {
            context.getUser().addRequiredAction(EnrollActionFactory.PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        EnrollmentState state = state(context);
        if (state.changing().isPresent()) {
            // A change left half-way in the settings has nothing to do with an enrollment.
            state.clearAll();
        }
        context.challenge(new EnrollForm(context, state, numbers).render(state.page()));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        new EnrollmentSteps(context, state(context), NO_CHANGE).handle();
    }

    @Override
    public void close() {
    }

    private static EnrollmentState state(RequiredActionContext context) {
        return new EnrollmentState(new AuthSessionNotes(context.getAuthenticationSession()));
    }
}
