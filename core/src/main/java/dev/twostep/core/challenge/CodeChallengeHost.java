package dev.twostep.core.challenge;

import jakarta.ws.rs.core.Response;

/**
 * Where a {@link CodeChallenge} runs: the sign-in flow (an authenticator) or a required action. It decides
 * what a page, a wrong code and a right code mean there.
 */
public interface CodeChallengeHost {
    /** Whether "Don't require codes on this device" is offered here. */
    boolean offersTrust();

    /** Whether the seller may give up here and go back to the app (an app-initiated action may be cancelled). */
    boolean cancellable();

    void show(Response page);

    /** A wrong code: shown with {@code page}, and counted as a failed login by Keycloak's brute-force detection. */
    void wrongCode(Response page);

    /** The right code for {@code used}; {@code trustDevice} when the seller asked not to be asked on this browser. */
    void passed(MethodOption used, boolean trustDevice);
}
