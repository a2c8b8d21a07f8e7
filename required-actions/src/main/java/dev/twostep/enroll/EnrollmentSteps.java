package dev.twostep.enroll;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.models.utils.HmacOTP;

import dev.twostep.core.device.KnownBrowsers;
import dev.twostep.core.code.AuthSessionNotes;
import dev.twostep.core.code.CodeCheck;
import dev.twostep.core.code.PendingCode;
import dev.twostep.core.code.PhoneCodeCheck;
import dev.twostep.core.delivery.PhoneCodeDelivery;
import dev.twostep.core.device.TrustedDevices;
import dev.twostep.core.kind.Channel;
import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.method.AppCodeCheck;
import dev.twostep.core.method.UserMethods;
import dev.twostep.core.notice.ChangeNotice;
import dev.twostep.core.notice.SellerLanguage;
import dev.twostep.core.passkey.PasskeyBinding;
import dev.twostep.core.passkey.PasskeyRegistration;
import dev.twostep.core.passkey.StagedPasskey;
import dev.twostep.core.phone.PhoneNumbers;
import dev.twostep.core.policy.LoginPolicy;
import dev.twostep.core.policy.TwoStepPolicy;
import dev.twostep.core.recovery.AccountRecoveries;

/**
 * One form post of the enrollment steps: reads what was sent, acts, and answers with the next page or the
 * same page and an error. Used by the enrollment and, to replace one method, by Advanced Security Settings.
 */
final class EnrollmentSteps {
    private final PhoneNumbers numbers = new PhoneNumbers();
    private final RequiredActionContext context;
    private final EnrollmentState state;
    private final MultivaluedMap<String, String> form;
    private final EnrollForm pages;
    private final TwoStepPolicy policy;
    private final ChangeOutcome outcome;

    EnrollmentSteps(RequiredActionContext context, EnrollmentState state, ChangeOutcome outcome) {
        this.context = context;
        this.state = state;
        this.outcome = outcome;
        this.form = context.getHttpRequest().getDecodedFormParameters();
        this.pages = new EnrollForm(context, state, numbers);
        this.policy = LoginPolicy.of(context.getAuthenticationSession(), context.getRealm());
    }

    /** Acts on a post to the page the seller is on. */
    void handle() {
        if ("cancel-change".equals(param("action")) && state.changing().isPresent()) {
            pendingCode().clear();
            state.clearAll();
            outcome.cancelled();
            return;
        }
        switch (state.page()) {
            case START -> show("start".equals(param("action")) ? EnrollPage.METHOD : EnrollPage.START);
            case METHOD -> onMethod();
            case PHONE -> onPhone();
            case PHONE_CODE -> onPhoneCode();
            case APP -> onApp();
            case PASSKEY -> onPasskey();
            case DONE -> onDone();
        }
    }

    private void onMethod() {
        if ("back".equals(param("action")) && state.changing().isEmpty() && state.role() == MethodRole.BACKUP) {
            // Back from the backup choice is back to the primary's: the seller wants another primary.
            state.forget(MethodRole.PRIMARY);
            show(EnrollPage.METHOD);
            return;
        }
        String method = param("method");
        if ("email".equals(method)) {
            fail(EnrollPage.METHOD, null, "twoStepEmailRefused");
        } else if ("app".equals(method)) {
            if (state.other().map(ChosenMethod::isApp).orElse(false)) {
                fail(EnrollPage.METHOD, null, mustDiffer());
                return;
            }
            state.otpSecret(HmacOTP.generateSecret(20));
            show(EnrollPage.APP);
        } else if ("passkey".equals(method)) {
            if (state.other().map(ChosenMethod::isPasskey).orElse(false)) {
                fail(EnrollPage.METHOD, null, mustDiffer());
                return;
            }
            show(EnrollPage.PASSKEY);
        } else if ("phone".equals(method)) {
            show(EnrollPage.PHONE);
        } else {
            fail(EnrollPage.METHOD, null, "twoStepChooseMethod");
        }
    }

    private void onPhone() {
        if ("back".equals(param("action"))) {
            show(EnrollPage.METHOD);
            return;
        }
        Optional<Channel> channel = Channel.fromId(param("channel"));
        if (channel.isEmpty()) {
            fail(EnrollPage.PHONE, "channel", "twoStepChooseChannel");
            return;
        }
        Optional<String> number = numbers.parse(param("number"), param("country"));
        if (number.isEmpty()) {
            fail(EnrollPage.PHONE, "number", "twoStepInvalidNumber");
            return;
        }
        Optional<String> refused = new PhoneCodeDelivery(context.getSession(), policy, context.getEvent())
                .refusal(context.getRealm(), context.getUser(), number.get(), channel.get());
        if (refused.isPresent()) {
            fail(EnrollPage.PHONE, "number", refused.get());
            return;
        }
        MethodRole role = state.role();
        if (state.other().map(other -> number.get().equals(other.number())).orElse(false)) {
            fail(EnrollPage.PHONE, "number", role == MethodRole.BACKUP ? "twoStepBackupSameNumber"
                    : "twoStepPrimarySameNumber");
            return;
        }
        if (role == MethodRole.BACKUP && "on".equals(param("skipVerification"))) {
            state.choose(role, ChosenMethod.phone(number.get(), channel.get(), false));
            afterChoice();
            return;
        }
        if (!sendCode(EnrollPage.PHONE, number.get(), channel.get())) {
            return;
        }
        state.pendingPhone(number.get(), channel.get());
        state.show(EnrollPage.PHONE_CODE);
        challenge(EnrollPage.PHONE_CODE, List.of(), null);
    }

    private void onPhoneCode() {
        PendingCode pending = pendingCode();
        ChosenMethod phone = state.pendingPhone().orElse(null);
        String action = param("action");
        if (phone == null || "back".equals(action)) {
            pending.clear();
            state.show(EnrollPage.PHONE);
            challenge(EnrollPage.PHONE, List.of(), null);
            return;
        }
        Optional<String> failed = new PhoneCodeDelivery(context.getSession(), policy, context.getEvent()).laterFailure(pending);
        if (failed.isPresent()) {
            // The code never went out: back to the number, with the reason, to fix it or pick another way.
            state.show(EnrollPage.PHONE);
            fail(EnrollPage.PHONE, null, failed.get());
            return;
        }
        if ("status".equals(action)) {
            challenge(EnrollPage.PHONE_CODE, List.of(), null);
            return;
        }
        if ("resend".equals(action)) {
            if (sendCode(EnrollPage.PHONE_CODE, phone.number(), phone.channel())) {
                challenge(EnrollPage.PHONE_CODE, List.of(), "twoStepCodeResent");
            }
            return;
        }
        CodeCheck check = new PhoneCodeCheck(policy, context.getSession().singleUseObjects()).check(pending, param("code"));
        if (check.valid()) {
            state.choose(state.role(), ChosenMethod.phone(phone.number(), phone.channel(), true));
            afterChoice();
            return;
        }
        fail(EnrollPage.PHONE_CODE, "code", check.messageKey());
    }

    private void onApp() {
        if ("back".equals(param("action"))) {
            show(EnrollPage.METHOD);
            return;
        }
        String secret = state.otpSecret().orElse(null);
        if (secret == null) {
            show(EnrollPage.METHOD);
            return;
        }
        CodeCheck check = AppCodeCheck.checkNewSecret(context.getRealm(), secret, param("code"));
        if (!check.valid()) {
            fail(EnrollPage.APP, "code", check.messageKey());
            return;
        }
        state.choose(state.role(), ChosenMethod.app(secret));
        afterChoice();
    }

    private void onPasskey() {
        if ("back".equals(param("action"))) {
            show(EnrollPage.METHOD);
            return;
        }
        // A seller who names nothing gets the label stored methods have, in English like the app's.
        Optional<StagedPasskey> staged = passkeyRegistration().finish(form, EnrollmentCommit.PASSKEY_LABEL);
        if (staged.isEmpty()) {
            context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL).user(context.getUser())
                    .detail("credential_type", PasskeyBinding.WEBAUTHN_TYPE).error(Errors.INVALID_REGISTRATION);
            fail(EnrollPage.PASSKEY, null, "twoStepPasskeyNotRegistered");
            return;
        }
        state.choose(state.role(), ChosenMethod.passkey(staged.get()));
        afterChoice();
    }

    private void onDone() {
        if ("back".equals(param("action"))) {
            state.forget(MethodRole.BACKUP);
            show(EnrollPage.METHOD);
            return;
        }
        if (!"finish".equals(param("action"))) {
            show(EnrollPage.DONE);
            return;
        }
        ChosenMethod primary = state.chosen(MethodRole.PRIMARY).orElseThrow();
        ChosenMethod backup = state.chosen(MethodRole.BACKUP).orElseThrow();
        boolean hadAMethod = UserMethods.of(context.getUser()).hasAny();
        new EnrollmentCommit().store(context.getRealm(), context.getUser(), primary, backup, context.getEvent());
        // Notices of later events (a new browser, a reviewer's decision) go in the language of these pages.
        SellerLanguage.remember(context.getSession(), context.getRealm(), context.getUser());
        if (hadAMethod) {
            // A seller who lost a method (removed in the Account Console, say) and set 2SV up again: methods changed.
            new ChangeNotice(context.getSession()).send(context.getRealm(), context.getUser(),
                    ChangeNotice.Change.METHOD_CHANGED);
        }
        // 2SV is on again: an approved recovery is spent, and any other request is moot.
        AccountRecoveries.of(context.getSession()).settle(context.getRealm(), context.getUser());
        if (policy.noticesNewBrowsers()) {
            // The browser that set 2SV up is one the seller uses: its next sign-in is no news.
            new KnownBrowsers(context.getSession()).signedInFromNewBrowser(context.getRealm(), context.getUser(),
                    policy.newBrowserWindow());
        }
        if ("on".equals(param("trustDevice")) && policy.trustsDevices()) {
            new TrustedDevices(context.getSession()).trustThisBrowser(context.getRealm(), context.getUser(),
                    policy.trustedDeviceLifetime());
        }
        state.clearAll();
        context.getUser().removeRequiredAction(EnrollActionFactory.PROVIDER_ID);
        context.success();
    }

    /** After the primary comes the backup; after the backup, "Almost done"; a change is stored at once. */
    private void afterChoice() {
        Optional<MethodRole> changing = state.changing();
        if (changing.isPresent()) {
            MethodRole role = changing.get();
            new EnrollmentCommit().replace(context.getRealm(), context.getUser(), role,
                    state.chosen(role).orElseThrow(), context.getEvent());
            state.clearAll();
            outcome.saved(role);
            return;
        }
        if (state.page() == EnrollPage.DONE) {
            challenge(EnrollPage.DONE, List.of(), null);
        } else {
            challenge(EnrollPage.METHOD, List.of(), "twoStepPrimarySaved");
        }
    }

    private boolean sendCode(EnrollPage page, String number, Channel channel) {
        PhoneCodeDelivery delivery = new PhoneCodeDelivery(context.getSession(), policy, context.getEvent());
        PendingCode pending = pendingCode();
        long wait = delivery.cooldownLeft(number, false);
        if (wait > 0) {
            challenge(page, List.of(new FormMessage(null, "twoStepResendTooSoon", wait)), null);
            return false;
        }
        Optional<String> failure = delivery.sendForEnrollment(context.getRealm(), context.getUser(), pending, number,
                channel);
        failure.ifPresent(key -> fail(page, null, key));
        return failure.isEmpty();
    }

    private String mustDiffer() {
        return state.role() == MethodRole.BACKUP ? "twoStepBackupMustDiffer" : "twoStepPrimaryMustDiffer";
    }

    private PasskeyRegistration passkeyRegistration() {
        return new PasskeyRegistration(context.getSession(), context.getRealm(), context.getAuthenticationSession(),
                state.passkeySlot());
    }

    private PendingCode pendingCode() {
        return new PendingCode(new AuthSessionNotes(context.getAuthenticationSession()),
                "enroll-" + state.role().id());
    }

    private void show(EnrollPage page) {
        state.show(page);
        challenge(page, List.of(), null);
    }

    private void fail(EnrollPage page, String field, String key) {
        challenge(page, List.of(new FormMessage(field, key)), null);
    }

    private void challenge(EnrollPage page, List<FormMessage> errors, String info) {
        String watch = page == EnrollPage.PHONE_CODE
                ? new PhoneCodeDelivery(context.getSession(), policy, context.getEvent()).statusUrl(context.getRealm(), pendingCode())
                : null;
        context.challenge(pages.render(page, typed(), errors, info, watch));
    }

    private Map<String, String> typed() {
        Map<String, String> typed = new HashMap<>();
        for (String field : List.of("country", "number", "channel")) {
            String value = form.getFirst(field);
            if (value != null) {
                typed.put(field, value);
            }
        }
        return typed;
    }

    private String param(String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }
}
