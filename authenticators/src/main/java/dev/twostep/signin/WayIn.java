package dev.twostep.signin;

import java.util.Set;

import dev.twostep.core.AuthenticatorIds;

/**
 * One way a user finishes signing in to a realm: the flow that runs (null when none is bound) and the steps
 * that count as the second step in it. The browser way needs the code step; the password grant also accepts
 * its own step.
 */
record WayIn(String name, String flowId, Set<String> secondSteps) {
    static final Set<String> CODE_STEP = Set.of(AuthenticatorIds.VERIFY);
    static final Set<String> GRANT_STEPS = Set.of(AuthenticatorIds.VERIFY, DirectGrantAuthenticatorFactory.PROVIDER_ID);

    static WayIn browser(String name, String flowId) {
        return new WayIn(name, flowId, CODE_STEP);
    }

    static WayIn passwordGrant(String name, String flowId) {
        return new WayIn(name, flowId, GRANT_STEPS);
    }
}
