package dev.twostep.core;

/**
 * Ids of our authenticators that core must name (to find the realm's 2SV policy) without depending on the
 * module that implements them. Their factories use these constants.
 */
public final class AuthenticatorIds {
    /** The sign-in step; its execution config is the realm's 2SV policy. */
    public static final String VERIFY = "two-step-verify";

    private AuthenticatorIds() {
    }
}
