package dev.twostep.signin;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

import dev.twostep.core.method.AppCodeCheck;
import dev.twostep.core.method.UserMethods;

/**
 * The password grant's second step: the token endpoint hands out tokens only with a valid code from the
 * user's authenticator app ({@code otp} or {@code totp} form parameter). Without it the answer is
 * {@code invalid_grant} saying that 2SV is required, so screen-scraping integrations fail loudly rather
 * than silently skip 2SV; they should move to a service-account client.
 */
public final class DirectGrantAuthenticator implements Authenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (!UserMethods.of(user).isComplete()) {
            refuse(context, AuthenticationFlowError.CREDENTIAL_SETUP_REQUIRED, Errors.INVALID_USER_CREDENTIALS,
                    "Two-Step Verification is required and not set up for this account: sign in with a browser "
                            + "to set it up.");
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String code = form.getFirst("otp") != null ? form.getFirst("otp") : form.getFirst("totp");
        if (code == null || code.isBlank()) {
            refuse(context, AuthenticationFlowError.INVALID_CREDENTIALS, Errors.INVALID_USER_CREDENTIALS,
                    "Two-Step Verification is required: send the code of the user's authenticator app as 'otp', "
                            + "or use a service-account client.");
            return;
        }
        boolean valid = AppCodeCheck.isValid(user, code);
        if (!valid) {
            refuse(context, AuthenticationFlowError.INVALID_CREDENTIALS, Errors.INVALID_USER_CREDENTIALS,
                    "Two-Step Verification failed: the code is invalid.");
            return;
        }
        context.success(OTPCredentialModel.TYPE);
    }

    private static void refuse(AuthenticationFlowContext context, AuthenticationFlowError error, String event,
                               String description) {
        context.getEvent().user(context.getUser()).detail("two_step", "direct-grant").error(event);
        Response response = Response.status(Response.Status.UNAUTHORIZED)
                .entity(Map.of("error", "invalid_grant", "error_description", description))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
        context.failure(error, response);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
