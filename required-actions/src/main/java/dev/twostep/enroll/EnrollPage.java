package dev.twostep.enroll;

/** The pages of the enrollment, in the order of "How to enable Two-Step Verification". */
public enum EnrollPage {
    /**
     * "Two-Step Verification is a requirement": what a seller will need, and "Enable Two-Step Verification"
     * (framed as the settings' "Get Started" when the app opened the settings).
     */
    START("two-step-enroll-start.ftl"),
    /** Choose "Phone number", "Authenticator App" or "Passkey or security key" (for the primary, then for the backup). */
    METHOD("two-step-enroll-method.ftl"),
    /** Text message or voice, country code and number; for a backup, "Skip verification check". */
    PHONE("two-step-enroll-phone.ftl"),
    /** Enter the code sent to the phone. */
    PHONE_CODE("two-step-enroll-phone-code.ftl"),
    /** QR code, "Can't scan the barcode?", enter the app's code. */
    APP("two-step-enroll-app.ftl"),
    /** Create a passkey or register a security key, with Keycloak's WebAuthn script. */
    PASSKEY("two-step-enroll-passkey.ftl"),
    /** "Almost done": trust this device, "Got it. Turn on 2-Step Verification". */
    DONE("two-step-enroll-done.ftl"),
    /** 2SV was set up in another browser meanwhile: nothing is stored, "Sign in again" for a code. */
    STALE("two-step-enroll-stale.ftl");

    private final String template;

    EnrollPage(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }
}
