package dev.twostep.core;

/**
 * Ids of our required actions, here because core (credential metadata, the sign-in authenticator) must
 * name them without depending on the module that implements them. Their factories use these constants.
 */
public final class RequiredActionIds {
    /** Sets up 2SV; every user without complete 2SV gets it at sign-in. */
    public static final String ENROLL = "two-step-enroll";
    /** Advanced Security Settings, opened by an app with {@code kc_action}: a fresh code first, always. */
    public static final String SETTINGS = "two-step-settings";

    private RequiredActionIds() {
    }
}
