package dev.twostep.signin;

import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

import dev.twostep.core.RealmActions;
import dev.twostep.core.RequiredActionIds;
import dev.twostep.core.challenge.ChallengeScope;
import dev.twostep.core.challenge.CodeChallenge;
import dev.twostep.core.challenge.CodeChallengeHost;
import dev.twostep.core.challenge.MethodOption;
import dev.twostep.core.device.KnownBrowsers;
import dev.twostep.core.device.TrustedDeviceCheck;
import dev.twostep.core.device.TrustedDeviceLabel;
import dev.twostep.core.device.TrustedDevices;
import dev.twostep.core.method.MethodsBaseline;
import dev.twostep.core.method.UserMethods;
import dev.twostep.core.notice.ChangeNotice;
import dev.twostep.core.passkey.PasskeyBinding;
import dev.twostep.core.phone.PhoneCredentialModel;
import dev.twostep.core.policy.LoginPolicy;
import dev.twostep.core.policy.TwoStepPolicy;
import dev.twostep.core.recovery.AccountRecoveries;
import dev.twostep.core.recovery.AccountRecovery;

/**
 * The second step of every sign-in, after the password: a trusted device of this user passes; otherwise
 * a code from the primary method, or from another one via "Didn't receive the code?". A user without
 * complete 2SV (never enrolled, or disabled it) cannot pass here: they are sent to the enrollment.
 */
public final class VerifyAuthenticator implements Authenticator {
    private static final Logger LOG = Logger.getLogger(VerifyAuthenticator.class);
    static final String NOTE_PASSED_BY = "two-step.signin.passed-by";
    private static final String CODE_SLOT = "signin";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        // First of all: the enrollment or recovery this step may hand the login to follow the same policy.
        TwoStepPolicy policy = policyOf(context);
        UserMethods methods = UserMethods.of(user);
        if (!methods.isComplete()) {
            if (!RealmActions.enrolls(context.getRealm())) {
                // Keycloak would skip a disabled enrollment, and the password alone would sign in.
                LOG.errorf("two-step: realm %s has the required action %s disabled; users without 2SV cannot "
                        + "sign in until it is enabled", context.getRealm().getName(), RequiredActionIds.ENROLL);
                context.failure(AuthenticationFlowError.CREDENTIAL_SETUP_REQUIRED);
                return;
            }
            // No exemption: whoever has no 2SV sets it up now, before any session exists.
            user.addRequiredAction(RequiredActionIds.ENROLL);
            context.getAuthenticationSession().addRequiredAction(RequiredActionIds.ENROLL);
            if (methods.hasAny()) {
                // What is left (say, the primary after the app backup was deleted in the Account Console)
                // still guards the account: its code first, or the password alone would let anyone re-enroll.
                challenge(context, methods).start();
                return;
            }
            AccountRecovery recovery = AccountRecoveries.of(context.getSession());
            if (!recovery.admitsEnrollment(context.getRealm(), user)) {
                // An approved recovery left this account without 2SV; only the browser that asked for it
                // goes on to set it up again. Here the seller sees where their recovery stands.
                recovery.start(context);
                return;
            }
            context.getAuthenticationSession().setAuthNote(NOTE_PASSED_BY, "enrollment");
            MethodAmr.none(context.getAuthenticationSession());
            MethodsBaseline.record(context.getAuthenticationSession(), user);
            SignInLevel.passed(context, SignInLevel.CODE);
            context.success();
            return;
        }
        Optional<CredentialModel> device = SignInLevel.codeDemanded(context) || !policy.trustsDevices()
                ? Optional.empty()
                : new TrustedDeviceCheck(context.getSession()).trustedDevice(user, policy.trustedDeviceLifetime());
        AccountRecovery recovery = AccountRecoveries.of(context.getSession());
        if (device.isPresent()) {
            recovery.settle(context.getRealm(), user);
            context.getAuthenticationSession().setAuthNote(NOTE_PASSED_BY, "trusted-device");
            SignInLevel.passed(context, SignInLevel.TRUSTED_DEVICE);
            MethodAmr.none(context.getAuthenticationSession());
            context.success(device.get().getType());
            return;
        }
        if (recovery.onPages(context)) {
            recovery.show(context);
            return;
        }
        challenge(context, methods).start();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        AccountRecovery recovery = AccountRecoveries.of(context.getSession());
        if (recovery.onPages(context)) {
            // Leaving the recovery pages starts this step over: the methods may have changed meanwhile (an
            // approval removes them all), and what the seller meets next depends on them.
            recovery.handle(context, () -> authenticate(context));
            return;
        }
        UserMethods methods = UserMethods.of(context.getUser());
        if (!methods.hasAny()) {
            authenticate(context);
            return;
        }
        challenge(context, methods).handle(context.getHttpRequest().getDecodedFormParameters());
    }

    private static CodeChallenge challenge(AuthenticationFlowContext context, UserMethods methods) {
        TwoStepPolicy policy = policyOf(context);
        ChallengeScope scope = new ChallengeScope(context.getSession(), context.getRealm(), context.getUser(),
                context.getAuthenticationSession(), context.form(), context.getEvent());
        return new CodeChallenge(scope, new SignInHost(context, policy, AccountRecoveries.of(context.getSession())),
                policy, methods, CODE_SLOT);
    }

    /**
     * The execution's policy; a step without a config of its own (as in the forgot-password flow) follows the
     * browser flow's. A wrong setting keeps its safe default, loudly, rather than locking users out.
     */
    static TwoStepPolicy policyOf(AuthenticationFlowContext context) {
        // The rest of this login (enrollment, recovery) reads the same policy.
        LoginPolicy.record(context.getAuthenticationSession(), context.getAuthenticatorConfig());
        return LoginPolicy.of(context.getAuthenticationSession(), context.getRealm());
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        // Always "configured": a user without 2SV must meet this step (and be sent to enroll), never skip it.
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        user.addRequiredAction(RequiredActionIds.ENROLL);
    }

    @Override
    public void close() {
    }

    /** The sign-in as a place for a code challenge: a wrong code is a failed login, a right one passes the step. */
    private record SignInHost(AuthenticationFlowContext context, TwoStepPolicy policy, AccountRecovery recovery)
            implements CodeChallengeHost {
        @Override
        public boolean offersTrust() {
            return true;
        }

        @Override
        public boolean cancellable() {
            return false;
        }

        @Override
        public boolean offersRecovery() {
            return recovery.available();
        }

        @Override
        public void startRecovery() {
            recovery.start(context);
        }

        @Override
        public Map<String, Object> recoveryNews() {
            return recovery.news(context);
        }

        @Override
        public void show(Response page) {
            context.challenge(page);
        }

        /**
         * A code from a browser this account has not used within the policy's days (and that holds no
         * cookie of a device it trusted once) is worth an e-mail with a "This wasn't me" link: the code may be phished.
         */
        private void tellOfANewBrowser() {
            if (!policy.noticesNewBrowsers()) {
                return;
            }
            // Records this browser as seen, so it runs at every code sign-in; the cookie's device only when news.
            if (new KnownBrowsers(context.getSession()).signedInFromNewBrowser(context.getRealm(), context.getUser(),
                    policy.newBrowserWindow())
                    && !new TrustedDeviceCheck(context.getSession()).onceTrusted(context.getUser())) {
                String agent = context.getSession().getContext().getRequestHeaders().getHeaderString("User-Agent");
                new ChangeNotice(context.getSession()).send(context.getRealm(), context.getUser(),
                        ChangeNotice.Change.NEW_SIGN_IN,
                        TrustedDeviceLabel.browserName(agent).orElse("twoStepUnknownBrowser"),
                        TrustedDeviceLabel.systemName(agent).orElse("twoStepUnknownSystem"),
                        TrustedDeviceLabel.when(java.time.Instant.ofEpochSecond(Time.currentTime())));
            }
        }

        @Override
        public void wrongCode(Response page) {
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
        }

        @Override
        public void passed(MethodOption used, boolean trustDevice) {
            if (trustDevice) {
                new TrustedDevices(context.getSession()).trustThisBrowser(context.getRealm(), context.getUser(),
                        policy.trustedDeviceLifetime());
            }
            tellOfANewBrowser();
            // A seller who has a code after all has nothing to recover.
            recovery.settle(context.getRealm(), context.getUser());
            context.getAuthenticationSession().setAuthNote(NOTE_PASSED_BY, "code");
            // What the code proved: an enrollment that follows may complete these methods, not others.
            MethodsBaseline.record(context.getAuthenticationSession(), context.getUser());
            SignInLevel.passed(context, SignInLevel.CODE);
            MethodAmr.passed(context.getAuthenticationSession(), used);
            context.success(used.isPasskey() ? PasskeyBinding.WEBAUTHN_TYPE
                    : used.isApp() ? OTPCredentialModel.TYPE : PhoneCredentialModel.TYPE);
        }
    }
}
