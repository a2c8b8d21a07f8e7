package dev.twostep.core.code;

import org.keycloak.models.SingleUseObjectProvider;

import dev.twostep.core.policy.TwoStepPolicy;

/**
 * Checks a code that went to a phone, wherever it is typed (sign-in, enrollment, settings, password grant):
 * against the login's pending code, with its tries claimed in Keycloak's cluster-wide single-use store so
 * that guesses sent at once get no more tries than typed ones.
 */
public final class PhoneCodeCheck {
    private final TwoStepPolicy policy;
    private final SingleUseObjectProvider claims;

    public PhoneCodeCheck(TwoStepPolicy policy, SingleUseObjectProvider claims) {
        this.policy = policy;
        this.claims = claims;
    }

    public CodeCheck check(PendingCode pending, String typed) {
        return pending.verifyOnce(typed, policy, claims);
    }
}
