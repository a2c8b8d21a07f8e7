package dev.twostep.settings;

/** Where the seller is in Advanced Security Settings (after the fresh code). */
enum SettingsPage {
    /** The methods, the number of trusted devices, and what can be done. */
    OVERVIEW("two-step-settings.ftl"),
    /** "Disable Two-Step Verification?", with what it means. */
    DISABLE("two-step-settings-disable.ftl"),
    /** 2SV is off and the seller is signed out everywhere. */
    DISABLED("two-step-settings-disabled.ftl");

    private final String template;

    SettingsPage(String template) {
        this.template = template;
    }

    String template() {
        return template;
    }
}
