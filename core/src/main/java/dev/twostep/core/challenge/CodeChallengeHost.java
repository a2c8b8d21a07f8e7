package dev.twostep.core.challenge;

import java.util.Map;

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

    /**
     * Whether the recovery page offers to start a request here: at sign-in, for a seller who lost every
     * method; not in the settings, where the seller is signed in and can change methods instead.
     */
    default boolean offersRecovery() {
        return false;
    }

    /** "Start account recovery": the host takes over with its recovery pages. */
    default void startRecovery() {
        throw new IllegalStateException("no account recovery here");
    }

    /**
     * What the seller should hear at once about their account recovery on "Didn't receive the code?" (the
     * request's {@code status}, the reviewer's {@code reason}, whether {@code thisBrowser} sent an approved
     * one); empty when there is no news, and where there is no recovery.
     */
    default Map<String, Object> recoveryNews() {
        return Map.of();
    }

    void show(Response page);

    /** A wrong code: shown with {@code page}, and counted as a failed login by Keycloak's brute-force detection. */
    void wrongCode(Response page);

    /** The right code for {@code used}; {@code trustDevice} when the seller asked not to be asked on this browser. */
    void passed(MethodOption used, boolean trustDevice);
}
