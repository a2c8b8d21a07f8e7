package dev.twostep.settings;

import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;

import dev.twostep.core.challenge.CodeChallengeHost;
import dev.twostep.core.challenge.MethodOption;

/** The settings as a place for a code challenge: no trusted-device shortcut, a right code opens the overview. */
record SettingsChallengeHost(RequiredActionContext context, SettingsSteps steps) implements CodeChallengeHost {
    @Override
    public boolean offersTrust() {
        return false;
    }

    @Override
    public boolean cancellable() {
        return true;
    }

    @Override
    public void show(Response page) {
        context.challenge(page);
    }

    @Override
    public void wrongCode(Response page) {
        // Outside the login flow Keycloak counts nothing by itself: a wrong code here is a failed login too.
        if (context.getRealm().isBruteForceProtected()) {
            context.getSession().getProvider(BruteForceProtector.class).failedLogin(context.getRealm(),
                    context.getUser(), context.getConnection(), context.getUriInfo(), Set.of(OTPCredentialModel.TYPE));
        }
        context.challenge(page);
    }

    @Override
    public void passed(MethodOption used, boolean trustDevice) {
        steps.show(SettingsPage.OVERVIEW);
    }
}
