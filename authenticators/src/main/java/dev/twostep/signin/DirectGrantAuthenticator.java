package dev.twostep.signin;

import java.util.Map;
import java.util.Optional;

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

import dev.twostep.core.code.PendingCode;
import dev.twostep.core.code.PhoneCodeCheck;
import dev.twostep.core.code.SingleUseNotes;
import dev.twostep.core.delivery.NumberScreen;
import dev.twostep.core.delivery.PhoneCodeDelivery;
import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.method.AppCodeCheck;
import dev.twostep.core.method.UserMethods;
import dev.twostep.core.phone.PhoneCredentialData;
import dev.twostep.core.phone.PhoneCredentialModel;
import dev.twostep.core.phone.PhoneNumbers;
import dev.twostep.core.policy.LoginPolicy;
import dev.twostep.core.policy.TwoStepPolicy;

/**
 * The password grant's second step: the token endpoint hands out tokens only with a valid code in the
 * {@code otp} (or {@code totp}) parameter: the authenticator app's, or the one a first call without a code
 * sent by text message to a phone primary (kept in the single-use store, one use). Without it the answer is
 * {@code invalid_grant} saying that 2SV is required, so screen-scraping integrations fail loudly rather
 * than silently skip 2SV; they should move to a service-account client.
 */
public final class DirectGrantAuthenticator implements Authenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        UserMethods methods = UserMethods.of(user);
        if (!methods.isComplete()) {
            refuse(context, AuthenticationFlowError.CREDENTIAL_SETUP_REQUIRED, Errors.INVALID_USER_CREDENTIALS,
                    "Two-Step Verification is required and not set up for this account: sign in with a browser "
                            + "to set it up.");
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String code = form.getFirst("otp") != null ? form.getFirst("otp") : form.getFirst("totp");
        TwoStepPolicy policy = LoginPolicy.of(context.getAuthenticationSession(), context.getRealm());
        PendingCode pending = new PendingCode(new SingleUseNotes(context.getSession().singleUseObjects(),
                policy.codeLifetime()), "direct-grant." + context.getRealm().getId() + "." + user.getId());
        Optional<PhoneCredentialData> phone = methods.inRole(MethodRole.PRIMARY)
                .flatMap(UserMethods.Method::phone);
        if (code == null || code.isBlank()) {
            askForCode(context, phone, pending, policy);
            return;
        }
        if (AppCodeCheck.check(user, code).valid()) {
            SignInLevel.passed(context, SignInLevel.CODE);
            context.success(OTPCredentialModel.TYPE);
            return;
        }
        if (new PhoneCodeCheck(policy, context.getSession().singleUseObjects()).check(pending, code).valid()) {
            SignInLevel.passed(context, SignInLevel.CODE);
            context.success(PhoneCredentialModel.TYPE);
            return;
        }
        refuse(context, AuthenticationFlowError.INVALID_CREDENTIALS, Errors.INVALID_USER_CREDENTIALS,
                "Two-Step Verification failed: the code is invalid.");
    }

    /** First call without a code: a phone primary gets a text message, the app needs nothing sent. */
    private static void askForCode(AuthenticationFlowContext context, Optional<PhoneCredentialData> phone,
                                   PendingCode pending, TwoStepPolicy policy) {
        if (phone.isEmpty()) {
            // A passkey needs a browser; the password grant can take only the app's code.
            boolean passkey = UserMethods.of(context.getUser()).inRole(MethodRole.PRIMARY)
                    .map(UserMethods.Method::isPasskey).orElse(false);
            refuse(context, AuthenticationFlowError.INVALID_CREDENTIALS, Errors.INVALID_USER_CREDENTIALS, passkey
                    ? "Two-Step Verification is required, and this user's method is a passkey, which works only in "
                            + "a browser: sign in with a browser, send an authenticator app's code as 'otp' if the "
                            + "user has one, or use a service-account client."
                    : "Two-Step Verification is required: send the code of the user's authenticator app as 'otp', "
                            + "or use a service-account client.");
            return;
        }
        PhoneCredentialData number = phone.get();
        PhoneCodeDelivery delivery = new PhoneCodeDelivery(context.getSession(), policy, context.getEvent());
        String masked = new PhoneNumbers().mask(number.number());
        long wait = delivery.cooldownLeft(number.number(), number.verified());
        if (wait > 0 && number.number().equals(pending.target())) {
            // A call repeated at once (or alongside) keeps the code already on its way instead of killing it.
            tellCodeSent(context, masked + " moments ago");
            return;
        }
        if (wait > 0) {
            // The phone's turn went to another sign-in: that code is not for this call.
            context.challenge(invalidGrant("Two-Step Verification is required: a code went to " + masked
                    + " moments ago for another sign-in; repeat the request without 'otp' in " + wait + " seconds."));
            return;
        }
        if (delivery.screen().simChanged(context.getRealm(), context.getUser(), number.number())) {
            refuse(context, AuthenticationFlowError.INVALID_CREDENTIALS, NumberScreen.SIM_CHANGED_EVENT,
                    "Two-Step Verification is required, and the SIM of the user's phone changed recently, so no code "
                            + "goes to it: send the authenticator app's code as 'otp', or sign in in a browser.");
            return;
        }
        Optional<String> failure = delivery.send(context.getRealm(), context.getUser(), pending, number.number(),
                number.channel(), number.number(), number.verified());
        if (failure.isPresent()) {
            refuse(context, AuthenticationFlowError.INVALID_CREDENTIALS, Errors.INVALID_USER_CREDENTIALS,
                    "Two-Step Verification is required, and no code could be sent now; try again later.");
            return;
        }
        tellCodeSent(context, masked);
    }

    /**
     * The first half of a sign-in, not a failed one: answered as a challenge, so that Keycloak's brute-force
     * detection does not count it and an integration polling for codes cannot lock the seller out.
     */
    private static void tellCodeSent(AuthenticationFlowContext context, String sentTo) {
        context.challenge(invalidGrant("Two-Step Verification is required: a code was sent to " + sentTo
                + "; repeat the request with it as 'otp'."));
    }

    private static void refuse(AuthenticationFlowContext context, AuthenticationFlowError error, String event,
                               String description) {
        context.getEvent().user(context.getUser()).detail("two_step", "direct-grant").error(event);
        context.failure(error, invalidGrant(description));
    }

    /** The token endpoint's answer, as OAuth clients expect it. */
    private static Response invalidGrant(String description) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .entity(Map.of("error", "invalid_grant", "error_description", description))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
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
