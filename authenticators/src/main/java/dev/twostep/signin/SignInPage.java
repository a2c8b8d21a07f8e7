package dev.twostep.signin;

/** The pages of the sign-in step. */
enum SignInPage {
    /** "Enter the code", with "Don't require codes on this device" and "Didn't receive the code?". */
    CODE("two-step-verify.ftl"),
    /** "Didn't receive the code?": the other methods, and the way to account recovery. */
    OTHER_METHODS("two-step-other-methods.ftl"),
    /** What account recovery is, for a seller who lost every method. */
    RECOVERY("two-step-recovery-info.ftl");

    private final String template;

    SignInPage(String template) {
        this.template = template;
    }

    String template() {
        return template;
    }
}
