package dev.twostep.settings;

import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

import dev.twostep.core.NoLifecycle;
import dev.twostep.core.RequiredActionIds;

/** Registers Advanced Security Settings as required action {@value #PROVIDER_ID}, opened with {@code kc_action}. */
public final class SettingsActionFactory implements RequiredActionFactory, NoLifecycle<RequiredActionProvider> {
    public static final String PROVIDER_ID = RequiredActionIds.SETTINGS;

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new SettingsAction();
    }

    @Override
    public String getDisplayText() {
        return "Two-Step Verification settings";
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
