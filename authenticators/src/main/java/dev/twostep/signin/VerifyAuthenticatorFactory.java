package dev.twostep.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;

import dev.twostep.core.AuthenticatorIds;
import dev.twostep.core.passkey.PasskeyBinding;
import dev.twostep.core.phone.PhoneCredentialModel;
import dev.twostep.core.policy.TwoStepPolicyConfig;
import dev.twostep.core.recovery.AccountRecoveries;

/** Registers the sign-in step {@value #PROVIDER_ID}; its config is the 2SV policy. */
public final class VerifyAuthenticatorFactory implements AuthenticatorFactory {
    public static final String PROVIDER_ID = AuthenticatorIds.VERIFY;

    /** Where the installed account recovery's config fields are found once every provider is up. */
    private KeycloakSessionFactory sessionFactory;
    private static final AuthenticationExecutionModel.Requirement[] CHOICES = {
        AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED
    };

    @Override
    public Authenticator create(KeycloakSession session) {
        return new VerifyAuthenticator();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Two-Step Verification";
    }

    @Override
    public String getHelpText() {
        return "Asks for a code from the user's primary or backup method unless the browser is a trusted device; "
                + "users without 2SV are sent to enrollment.";
    }

    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
    }

    /**
     * Phones and passkeys are what this step checks too: the Account Console lists a credential type only when
     * a flow uses it (a passkey with its name and the day it was added, as Keycloak lists security keys).
     */
    @Override
    public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        return Set.of(PhoneCredentialModel.TYPE, PasskeyBinding.WEBAUTHN_TYPE);
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return CHOICES;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        List<ProviderConfigProperty> properties = new ArrayList<>(TwoStepPolicyConfig.properties());
        if (sessionFactory != null) {
            properties.addAll(AccountRecoveries.policyProperties(sessionFactory));
        }
        properties.addAll(SignInLevel.amrProperties());
        return List.copyOf(properties);
    }

    @Override
    public void init(Config.Scope config) {
    }

    /** At start, reports for every realm what would let a user past 2SV (see {@link RealmGapReport}). */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        sessionFactory = factory;
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream()
                        .forEach(realm -> RealmGapReport.run(session, realm)));
            }
        });
    }

    @Override
    public void close() {
    }
}
