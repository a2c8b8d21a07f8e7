package dev.twostep.core.challenge;

/** The pages of a code challenge (sign-in, or opening the security settings). */
public enum CodePage {
    /** "Enter the code", with "Didn't receive the code?" (and, at sign-in, "Don't require codes on this device"). */
    CODE("two-step-verify.ftl"),
    /** "Didn't receive the code?": the other methods, and the way to account recovery. */
    OTHER_METHODS("two-step-other-methods.ftl"),
    /** What account recovery is, for a seller who lost every method. */
    RECOVERY("two-step-recovery-info.ftl");

    private final String template;

    CodePage(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }
}
