package dev.twostep.settings;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;

/**
 * Advanced Security Settings. Nothing is shown before a fresh code, even right after sign-in and on a
 * trusted device; then the seller sees their methods and trusted devices, can make every device ask for
 * codes again, or turn 2SV off (which signs them out everywhere until they set it up again). The pages and
 * what each post does are {@link SettingsSteps}.
 */
public final class SettingsAction implements RequiredActionProvider {
    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        new SettingsSteps(context).start();
    }

    @Override
    public void processAction(RequiredActionContext context) {
        new SettingsSteps(context).handle();
    }

    @Override
    public void close() {
    }
}
