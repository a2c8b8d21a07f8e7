package dev.twostep.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;

import dev.twostep.core.AuthenticatorIds;
import dev.twostep.recovery.RecoveryPolicy;
import dev.twostep.core.phone.PhoneCredentialModel;
import dev.twostep.core.policy.RealmPolicy;
import dev.twostep.core.policy.TwoStepPolicyConfig;

/** Registers the sign-in step {@value #PROVIDER_ID}; its config is the 2SV policy. */
public final class VerifyAuthenticatorFactory implements AuthenticatorFactory {
    public static final String PROVIDER_ID = AuthenticatorIds.VERIFY;
    private static final Logger LOG = Logger.getLogger(VerifyAuthenticatorFactory.class);

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

    /** Phones are what this step checks too: the Account Console lists a credential type only when a flow uses it. */
    @Override
    public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        return Set.of(PhoneCredentialModel.TYPE);
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
        properties.addAll(RecoveryPolicy.properties());
        properties.addAll(SignInLevel.amrProperties());
        return List.copyOf(properties);
    }

    @Override
    public void init(Config.Scope config) {
    }

    /** At start, reports every realm whose sign-in flows would still send codes by e-mail. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.realms().getRealmsStream()
                        .forEach(VerifyAuthenticatorFactory::reportGaps));
            }
        });
    }

    private static void reportGaps(RealmModel realm) {
        // Reading each config of the step logs what is wrong in it.
        RealmPolicy.allConfigs(realm).forEach(config -> RealmPolicy.read(realm, config));
        EmailCodeFlowCheck.offending(realm).forEach(step -> LOG.warnf("two-step: realm %s breaks the "
                + "no-e-mail-codes policy: flow %s sends codes by e-mail; remove that step", realm.getName(), step));
        if (ResetFlowCheck.skipsTheCode(realm)) {
            LOG.warnf("two-step: realm %s lets \"Forgot password\" sign users in without a code: add the step "
                    + "\"%s\" to its reset credentials flow after the e-mail (see the README)", realm.getName(),
                    AuthenticatorIds.VERIFY);
        }
        if (TotpSetupCheck.offersKeycloakTotpSetup(realm)) {
            LOG.warnf("two-step: realm %s offers Keycloak's own authenticator-app set-up (required action %s): "
                    + "an app added there is never accepted as a 2SV method; disable that action (see the README)",
                    realm.getName(), UserModel.RequiredAction.CONFIGURE_TOTP.name());
        }
    }

    @Override
    public void close() {
    }
}
