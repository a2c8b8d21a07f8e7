package dev.twostep.core.challenge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.events.Errors;
import org.keycloak.models.utils.FormMessage;

import dev.twostep.core.code.AuthSessionNotes;
import dev.twostep.core.code.CodeCheck;
import dev.twostep.core.code.Lockout;
import dev.twostep.core.code.PendingCode;
import dev.twostep.core.code.PhoneCodeCheck;
import dev.twostep.core.delivery.PhoneCodeDelivery;
import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.method.AppCodeCheck;
import dev.twostep.core.method.UserMethods;
import dev.twostep.core.passkey.PasskeyAssertion;
import dev.twostep.core.passkey.PasskeyBinding;
import dev.twostep.core.phone.PhoneCredentialModel;
import dev.twostep.core.policy.TwoStepPolicy;
import dev.twostep.core.recovery.AccountRecoveries;

/**
 * Asks the seller for a code from one of their methods: the primary first, any other through "Didn't
 * receive the code?", with resend, cooldown, send limits and late delivery failures. One request's work;
 * what the code opens is the host's business (a sign-in, the security settings).
 */
public final class CodeChallenge {
    private final ChallengeScope scope;
    private final CodeChallengeHost host;
    private final TwoStepPolicy policy;
    private final List<MethodOption> options;
    private final PendingCode pending;
    private final PhoneCodeDelivery delivery;
    private final String methodNote;
    private final String slot;
    /** The primary phone's SIM changed lately: it is left out, and the seller is told why. */
    private final boolean primaryHeldBack;

    /** {@code slot} keeps this challenge's code and chosen method apart from other codes of the same login. */
    public CodeChallenge(ChallengeScope scope, CodeChallengeHost host, TwoStepPolicy policy, UserMethods methods,
                         String slot) {
        this.scope = scope;
        this.host = host;
        this.policy = policy;
        List<MethodOption> all = MethodOption.of(methods);
        if (all.isEmpty()) {
            // Callers send a user without any method to the enrollment; a challenge would have nothing to ask.
            throw new IllegalStateException("a code challenge needs at least one 2SV method");
        }
        this.pending = new PendingCode(new AuthSessionNotes(scope.authSession()), slot);
        this.delivery = new PhoneCodeDelivery(scope.session(), policy, scope.event());
        this.methodNote = "two-step.challenge." + slot + ".method";
        this.slot = slot;
        List<MethodOption> withoutPrimaryPhone = all.stream()
                .filter(option -> option.role() != MethodRole.PRIMARY || option.phone().isEmpty()).toList();
        // Only a seller with another method can do without the primary; everyone enrolled has one.
        this.primaryHeldBack = !withoutPrimaryPhone.isEmpty() && withoutPrimaryPhone.size() < all.size()
                && primarySimChanged(methods, "two-step.challenge." + slot + ".sim");
        this.options = primaryHeldBack ? withoutPrimaryPhone : all;
    }

    /**
     * Asked once per challenge (the answer is kept with the sign-in), so the pages after the first cost no
     * lookup and no store read.
     */
    private boolean primarySimChanged(UserMethods methods, String note) {
        String known = scope.authSession().getAuthNote(note);
        if (known != null) {
            return Boolean.parseBoolean(known);
        }
        boolean changed = methods.inRole(MethodRole.PRIMARY).flatMap(method -> method.phone())
                .map(phone -> delivery.screen().simChanged(scope.realm(), scope.user(), phone.number()))
                .orElse(false);
        scope.authSession().setAuthNote(note, Boolean.toString(changed));
        return changed;
    }

    /**
     * The first page: the code page of the method in use (the primary unless the seller chose another, or
     * the backup when the primary phone's SIM changed lately).
     */
    public void start() {
        offer(current(), false, primaryHeldBack ? "twoStepSimChanged" : null);
    }

    /** A form post from one of the code pages. */
    public void handle(MultivaluedMap<String, String> form) {
        String action = Optional.ofNullable(form.getFirst("action")).orElse("");
        MethodOption current = current();
        switch (action) {
            case "other" -> show(CodePage.OTHER_METHODS, current, List.of(), null);
            case "recovery" -> show(CodePage.RECOVERY, current, List.of(), null);
            case "recovery-start" -> {
                if (host.offersRecovery()) {
                    host.startRecovery();
                } else {
                    show(CodePage.RECOVERY, current, List.of(), null);
                }
            }
            case "back" -> show(CodePage.CODE, current, List.of(), null);
            case "use" -> {
                Optional<MethodOption> chosen = MethodOption.find(options,
                        Optional.ofNullable(form.getFirst("method")).orElse(""));
                if (chosen.isEmpty()) {
                    show(CodePage.OTHER_METHODS, current, List.of(new FormMessage(null, "twoStepChooseMethod")), null);
                    return;
                }
                scope.authSession().setAuthNote(methodNote, chosen.get().id());
                offer(chosen.get(), false, null);
            }
            case "resend" -> offer(current, true, null);
            case "status" -> offer(current, false, null);
            default -> verify(current, form);
        }
    }

    private MethodOption current() {
        String id = scope.authSession().getAuthNote(methodNote);
        return MethodOption.find(options, id == null ? "primary" : id).orElseGet(() -> options.get(0));
    }

    /**
     * Shows the code page for {@code option}, sending a code to a phone unless one is already on its way to
     * it (a reload must not cost another message) or {@code resend} asks for a new one. {@code info}: a line
     * for the page when all goes well.
     */
    private void offer(MethodOption option, boolean resend, String info) {
        if (!option.isPhone()) {
            show(CodePage.CODE, option, List.of(), info);
            return;
        }
        String number = option.phone().orElseThrow().number();
        String target = number + "|" + option.channel().id();
        if (target.equals(pending.target()) && !resend) {
            Optional<String> failed = delivery.laterFailure(pending);
            if (failed.isPresent()) {
                show(CodePage.OTHER_METHODS, option, List.of(new FormMessage(null, failed.get())), null);
                return;
            }
            show(CodePage.CODE, option, List.of(), info);
            return;
        }
        // A backup saved without a code is no proof the number is this seller's: its sends are charged apart.
        boolean proven = option.phone().orElseThrow().verified();
        long wait = delivery.cooldownLeft(number, proven);
        if (wait > 0) {
            show(CodePage.CODE, option, List.of(new FormMessage(null, "twoStepResendTooSoon", wait)), null);
            return;
        }
        Optional<String> failure = delivery.send(scope.realm(), scope.user(), pending, number, option.channel(), target,
                proven);
        if (failure.isPresent()) {
            // Losing the number's turn to a send elsewhere (another tab or node) is a wait, not a failed method.
            CodePage page = PhoneCodeDelivery.TOO_SOON.equals(failure.get()) ? CodePage.CODE : CodePage.OTHER_METHODS;
            show(page, option, List.of(new FormMessage(null, failure.get())), null);
            return;
        }
        show(CodePage.CODE, option, List.of(), resend ? "twoStepCodeResent" : info);
    }

    private void verify(MethodOption option, MultivaluedMap<String, String> form) {
        boolean trustDevice = "on".equals(form.getFirst("trustDevice"));
        Optional<String> locked = Lockout.of(scope.session(), scope.realm(), scope.user());
        if (locked.isPresent()) {
            // Checked before the code, so a locked user learns nothing about the code they typed.
            scope.event().user(scope.user()).error(locked.get());
            show(CodePage.CODE, option, List.of(new FormMessage(null, "twoStepLockedOut")), null);
            return;
        }
        Optional<String> failed = option.isPhone() ? delivery.laterFailure(pending) : Optional.empty();
        if (failed.isPresent()) {
            // The code never went out: asking for it again would be a trap; offer the other methods.
            show(CodePage.OTHER_METHODS, option, List.of(new FormMessage(null, failed.get())), null);
            return;
        }
        String code = Optional.ofNullable(form.getFirst("code")).orElse("");
        String refusal;
        if (option.isPasskey()) {
            refusal = passkeyOf(option).filter(passkey -> assertion().check(scope.user(), passkey, form)).isPresent()
                    ? null : "twoStepPasskeyRefused";
        } else {
            CodeCheck check = option.isApp() ? AppCodeCheck.check(scope.user(), code)
                    : new PhoneCodeCheck(policy, scope.session().singleUseObjects()).check(pending, code);
            refusal = check.messageKey();
        }
        if (refusal != null) {
            scope.event().user(scope.user()).detail("two_step_method", option.id()).error(Errors.INVALID_USER_CREDENTIALS);
            host.wrongCode(form(Map.of()).render(CodePage.CODE, option, options,
                    List.of(new FormMessage("code", refusal)), null, passkeyInput(CodePage.CODE, option)));
            return;
        }
        scope.authSession().removeAuthNote(methodNote);
        if (option.phone().map(phone -> !phone.verified()).orElse(false)) {
            markVerified(option.role());
        }
        host.passed(option, trustDevice && policy.trustsDevices() && host.offersTrust());
    }

    /** A backup saved without a code that now delivered one is as proven as if it had been verified at once. */
    private void markVerified(MethodRole role) {
        scope.user().credentialManager().getStoredCredentialsByTypeStream(PhoneCredentialModel.TYPE)
                .map(PhoneCredentialModel::from)
                .filter(phone -> phone.data().role() == role && !phone.data().verified())
                .toList()
                .forEach(phone -> scope.user().credentialManager().updateStoredCredential(phone.verified()));
    }

    private void show(CodePage page, MethodOption option, List<FormMessage> errors, String info) {
        // Only "Didn't receive the code?" tells of a recovery request: the code page stays one read lighter.
        Map<String, Object> news = page == CodePage.OTHER_METHODS ? host.recoveryNews() : Map.of();
        host.show(form(news).render(page, option, options, errors, info, passkeyInput(page, option)));
    }

    /** What the browser needs to ask for the passkey, with a new challenge; empty off a passkey's page. */
    private Map<String, Object> passkeyInput(CodePage page, MethodOption option) {
        if (page != CodePage.CODE || !option.isPasskey()) {
            return Map.of();
        }
        return passkeyOf(option).map(passkey -> assertion().begin(passkey)).orElse(Map.of());
    }

    private PasskeyAssertion assertion() {
        return new PasskeyAssertion(scope.session(), scope.realm(), scope.authSession(), slot);
    }

    private Optional<PasskeyBinding.Bound> passkeyOf(MethodOption option) {
        String id = option.passkey().map(UserMethods.Passkey::credentialId).orElse(null);
        return PasskeyBinding.bound(scope.user().credentialManager().getStoredCredentialsStream().toList()).stream()
                .filter(bound -> bound.webauthn().getId().equals(id)).findFirst();
    }

    private CodePageForm form(Map<String, Object> recoveryNews) {
        return new CodePageForm(scope.form(), host.offersTrust() && policy.trustsDevices(), host.cancellable(), host.offersRecovery(),
                AccountRecoveries.of(scope.session()).available(), delivery.statusUrl(scope.realm(), pending), recoveryNews);
    }
}
