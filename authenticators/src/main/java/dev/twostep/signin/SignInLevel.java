package dev.twostep.signin;

import java.util.List;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.models.Constants;
import org.keycloak.provider.ProviderConfigProperty;

import dev.twostep.core.AcrLevels;

/**
 * How the second step was passed, told to apps through Keycloak's level of authentication (the {@code acr}
 * claim, named by the realm's {@code acr.loa.map}) and how an app asks for more with {@code acr_values}.
 * A trusted browser is worth less than a code, so an app that needs a fresh code can demand one.
 */
final class SignInLevel {
    static final int TRUSTED_DEVICE = AcrLevels.TRUSTED_DEVICE;
    static final int CODE = AcrLevels.CODE;

    private SignInLevel() {
    }

    static void passed(AuthenticationFlowContext context, int level) {
        // Only the current request: storing levels in the user session would make Keycloak look for
        // level-of-authentication conditions in the flow, which we do not use (they could skip 2SV).
        new AcrStore(context.getSession(), context.getAuthenticationSession()).setLevelAuthenticatedToCurrentRequest(level);
    }

    /** True when the app asked (acr_values or an essential acr claim) for a level only a code gives. */
    static boolean codeDemanded(AuthenticationFlowContext context) {
        return new AcrStore(context.getSession(), context.getAuthenticationSession())
                .getRequestedLevelOfAuthentication(context.getTopLevelFlow()) >= CODE;
    }

    /**
     * The execution config keys Keycloak's AMR mapper reads, shown in the admin console next to the policy
     * so an admin sees where the token's {@code amr} value comes from.
     */
    static List<ProviderConfigProperty> amrProperties() {
        ProviderConfigProperty value = new ProviderConfigProperty(Constants.AUTHENTICATION_EXECUTION_REFERENCE_VALUE,
                "AMR value", "Value this step adds to the 'amr' claim of tokens (Keycloak's AMR mapper), e.g. mfa.",
                ProviderConfigProperty.STRING_TYPE, "mfa");
        ProviderConfigProperty maxAge = new ProviderConfigProperty(Constants.AUTHENTICATION_EXECUTION_REFERENCE_MAX_AGE,
                "AMR max age (seconds)", "How long after this step the 'amr' value stays in tokens of the session.",
                ProviderConfigProperty.STRING_TYPE, "36000");
        return List.of(value, maxAge);
    }
}
