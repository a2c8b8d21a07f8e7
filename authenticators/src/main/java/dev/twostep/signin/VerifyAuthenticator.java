package dev.twostep.signin;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.credential.CredentialModel;

import dev.twostep.core.RequiredActionIds;
import dev.twostep.core.code.AuthSessionNotes;
import dev.twostep.core.code.CodeCheck;
import dev.twostep.core.code.PendingCode;
import dev.twostep.core.delivery.PhoneCodeDelivery;
import dev.twostep.core.device.TrustedDeviceCheck;
import dev.twostep.core.device.TrustedDevices;
import dev.twostep.core.method.AppCodeCheck;
import dev.twostep.core.method.UserMethods;
import dev.twostep.core.policy.TwoStepPolicy;
import dev.twostep.core.policy.TwoStepPolicyConfig;

/**
 * The second step of every sign-in, after the password: a trusted device of this user passes; otherwise
 * a code from the primary method, or from another one via "Didn't receive the code?". A user without
 * complete 2SV (never enrolled, or disabled it) cannot pass here: they are sent to the enrollment.
 */
public final class VerifyAuthenticator implements Authenticator {
    private static final Logger LOG = Logger.getLogger(VerifyAuthenticator.class);
    static final String NOTE_METHOD = "two-step.signin.method";
    static final String NOTE_PASSED_BY = "two-step.signin.passed-by";
    private static final String CODE_SLOT = "signin";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        UserMethods methods = UserMethods.of(user);
        if (!methods.isComplete()) {
            // No exemption: whoever has no 2SV sets it up now, before any session exists.
            user.addRequiredAction(RequiredActionIds.ENROLL);
            context.getAuthenticationSession().addRequiredAction(RequiredActionIds.ENROLL);
            context.getAuthenticationSession().setAuthNote(NOTE_PASSED_BY, "enrollment");
            SignInLevel.passed(context, SignInLevel.CODE);
            context.success();
            return;
        }
        TwoStepPolicy policy = policyOf(context);
        Optional<CredentialModel> device = SignInLevel.codeDemanded(context) || !policy.trustsDevices()
                ? Optional.empty()
                : new TrustedDeviceCheck(context.getSession()).trustedDevice(user, policy.trustedDeviceLifetime());
        if (device.isPresent()) {
            context.getAuthenticationSession().setAuthNote(NOTE_PASSED_BY, "trusted-device");
            SignInLevel.passed(context, SignInLevel.TRUSTED_DEVICE);
            context.success(device.get().getType());
            return;
        }
        List<MethodOption> options = MethodOption.of(methods);
        MethodOption current = current(context, options);
        new Step(context, options).offer(current, false);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        UserMethods methods = UserMethods.of(context.getUser());
        if (!methods.isComplete()) {
            authenticate(context);
            return;
        }
        List<MethodOption> options = MethodOption.of(methods);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = Optional.ofNullable(form.getFirst("action")).orElse("");
        Step step = new Step(context, options);
        MethodOption current = current(context, options);
        switch (action) {
            case "other" -> step.show(SignInPage.OTHER_METHODS, current, List.of(), null);
            case "recovery" -> step.show(SignInPage.RECOVERY, current, List.of(), null);
            case "back" -> step.show(SignInPage.CODE, current, List.of(), null);
            case "use" -> {
                Optional<MethodOption> chosen = MethodOption.find(options, Optional.ofNullable(form.getFirst("method")).orElse(""));
                if (chosen.isEmpty()) {
                    step.show(SignInPage.OTHER_METHODS, current, List.of(new FormMessage(null, "twoStepChooseMethod")), null);
                    return;
                }
                context.getAuthenticationSession().setAuthNote(NOTE_METHOD, chosen.get().id());
                step.offer(chosen.get(), false);
            }
            case "resend" -> step.offer(current, true);
            case "status" -> step.offer(current, false);
            default -> step.verify(current, Optional.ofNullable(form.getFirst("code")).orElse(""),
                    "on".equals(form.getFirst("trustDevice")));
        }
    }

    /** The execution's policy; a broken config falls back to the defaults, loudly, rather than locking users out. */
    static TwoStepPolicy policyOf(AuthenticationFlowContext context) {
        if (context.getAuthenticatorConfig() == null) {
            return TwoStepPolicy.defaults();
        }
        try {
            return TwoStepPolicyConfig.from(context.getAuthenticatorConfig().getConfig());
        } catch (IllegalArgumentException e) {
            LOG.errorf("two-step: authenticator config '%s' of realm %s is invalid (%s); using the defaults",
                    context.getAuthenticatorConfig().getAlias(), context.getRealm().getName(), e.getMessage());
            return TwoStepPolicy.defaults();
        }
    }

    private static MethodOption current(AuthenticationFlowContext context, List<MethodOption> options) {
        String id = context.getAuthenticationSession().getAuthNote(NOTE_METHOD);
        return MethodOption.find(options, id == null ? "primary" : id).orElse(options.get(0));
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

    /** One request's work on the code page. */
    private static final class Step {
        private final AuthenticationFlowContext context;
        private final List<MethodOption> options;
        private final TwoStepPolicy policy;
        private final PendingCode pending;
        private final PhoneCodeDelivery delivery;

        Step(AuthenticationFlowContext context, List<MethodOption> options) {
            this.context = context;
            this.options = options;
            this.policy = policyOf(context);
            this.pending = new PendingCode(new AuthSessionNotes(context.getAuthenticationSession()), CODE_SLOT);
            this.delivery = new PhoneCodeDelivery(context.getSession(), policy);
        }

        /**
         * Shows the code page for {@code option}, sending a code to a phone unless one is already on its
         * way to it (a reload must not cost another message) or {@code resend} asks for a new one.
         */
        void offer(MethodOption option, boolean resend) {
            if (option.isApp()) {
                show(SignInPage.CODE, option, List.of(), null);
                return;
            }
            String number = option.phone().orElseThrow().number();
            String target = number + "|" + option.channel().id();
            boolean alreadySent = target.equals(pending.target());
            if (alreadySent && !resend) {
                Optional<String> failed = delivery.laterFailure(pending);
                if (failed.isPresent()) {
                    show(SignInPage.OTHER_METHODS, option, List.of(new FormMessage(null, failed.get())), null);
                    return;
                }
                show(SignInPage.CODE, option, List.of(), null);
                return;
            }
            long wait = delivery.cooldownLeft(pending, target);
            if (wait > 0) {
                show(SignInPage.CODE, option, List.of(new FormMessage(null, "twoStepResendTooSoon", wait)), null);
                return;
            }
            Optional<String> failure = delivery.send(context.getRealm(), context.getUser(), pending, number,
                    option.channel(), target);
            if (failure.isPresent()) {
                show(SignInPage.OTHER_METHODS, option, List.of(new FormMessage(null, failure.get())), null);
                return;
            }
            show(SignInPage.CODE, option, List.of(), resend ? "twoStepCodeResent" : null);
        }

        void verify(MethodOption option, String code, boolean trustDevice) {
            if (lockedOut()) {
                // Checked before the code, so a locked user learns nothing about the code they typed.
                context.getEvent().user(context.getUser()).error(Errors.USER_TEMPORARILY_DISABLED);
                show(SignInPage.CODE, option, List.of(new FormMessage(null, "twoStepLockedOut")), null);
                return;
            }
            Optional<String> failed = option.isApp() ? Optional.empty() : delivery.laterFailure(pending);
            if (failed.isPresent()) {
                // The code never went out: asking for it again would be a trap; offer the other methods.
                show(SignInPage.OTHER_METHODS, option, List.of(new FormMessage(null, failed.get())), null);
                return;
            }
            boolean valid;
            String failureKey = "twoStepCodeInvalid";
            if (option.isApp()) {
                valid = AppCodeCheck.isValid(context.getUser(), code);
            } else {
                CodeCheck check = pending.verifyOnce(code, policy, context.getSession().singleUseObjects());
                valid = check == CodeCheck.VALID;
                failureKey = switch (check) {
                    case EXPIRED -> "twoStepCodeExpired";
                    case TOO_MANY_TRIES -> "twoStepCodeTooManyTries";
                    case NONE -> "twoStepCodeNone";
                    default -> "twoStepCodeInvalid";
                };
            }
            if (!valid) {
                context.getEvent().user(context.getUser()).detail("two_step_method", option.id())
                        .error(Errors.INVALID_USER_CREDENTIALS);
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, form()
                        .render(SignInPage.CODE, option, options, List.of(new FormMessage("code", failureKey)), null));
                return;
            }
            if (trustDevice && policy.trustsDevices()) {
                new TrustedDevices(context.getSession()).trustThisBrowser(context.getRealm(), context.getUser(),
                        policy.trustedDeviceLifetime(), "Trusted browser");
            }
            context.getAuthenticationSession().setAuthNote(NOTE_PASSED_BY, "code");
            context.getAuthenticationSession().removeAuthNote(NOTE_METHOD);
            SignInLevel.passed(context, SignInLevel.CODE);
            context.success(option.isApp() ? OTPCredentialModel.TYPE : "two-step-phone");
        }

        private boolean lockedOut() {
            if (!context.getRealm().isBruteForceProtected()) {
                return false;
            }
            return context.getProtector().isTemporarilyDisabled(context.getSession(), context.getRealm(),
                    context.getUser())
                    || context.getProtector().isPermanentlyLockedOut(context.getSession(), context.getRealm(),
                    context.getUser());
        }

        void show(SignInPage page, MethodOption option, List<FormMessage> errors, String info) {
            context.challenge(form().render(page, option, options, errors, info));
        }

        private SignInForm form() {
            return new SignInForm(context, delivery.statusUrl(context.getRealm(), pending));
        }
    }
}
