package dev.twostep.enroll;

import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

import dev.twostep.core.NoLifecycle;
import dev.twostep.core.RequiredActionIds;

/** Registers the enrollment as required action {@value #PROVIDER_ID}. */
public final class EnrollActionFactory implements RequiredActionFactory, NoLifecycle<RequiredActionProvider> {
    public static final String PROVIDER_ID = RequiredActionIds.ENROLL;

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new EnrollAction();
    }

    @Override
    public String getDisplayText() {
        return "Set up Two-Step Verification";
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
