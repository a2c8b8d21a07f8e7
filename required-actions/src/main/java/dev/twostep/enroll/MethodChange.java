package dev.twostep.enroll;

import org.keycloak.authentication.RequiredActionContext;

import dev.twostep.core.code.AuthSessionNotes;
import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.method.UserMethods;
import dev.twostep.core.phone.PhoneNumbers;

/**
 * Replacing one method of a seller who has 2SV: the enrollment's own steps for the new method, with the
 * method kept in the other role as the one to differ from. Nothing is stored until the new method is proven.
 */
public final class MethodChange {
    private final RequiredActionContext context;
    private final EnrollmentState state;

    public MethodChange(RequiredActionContext context) {
        this.context = context;
        this.state = new EnrollmentState(new AuthSessionNotes(context.getAuthenticationSession()));
    }

    public boolean inProgress() {
        return state.changing().isPresent();
    }

    /** Starts replacing the method in {@code role} and shows the choice of the new one. */
    public void begin(MethodRole role) {
        UserMethods.Method kept = UserMethods.of(context.getUser()).inRole(role.other()).orElseThrow();
        ChosenMethod other = kept.phone()
                .map(phone -> ChosenMethod.phone(phone.number(), phone.channel(), phone.verified()))
                .or(() -> kept.passkey().map(passkey -> ChosenMethod.existingPasskey(passkey.label())))
                .orElseGet(ChosenMethod::existingApp);
        state.beginChange(role, other);
        context.challenge(new EnrollForm(context, state, new PhoneNumbers())
                .render(EnrollPage.METHOD));
    }

    /** A post to one of the change's pages. */
    public void handle(ChangeOutcome outcome) {
        new EnrollmentSteps(context, state, outcome).handle();
    }

    /** Forgets a change left half-way (the settings start again from a fresh code). */
    public void abandon() {
        if (inProgress()) {
            state.clearAll();
        }
    }
}
