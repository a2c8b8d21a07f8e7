package dev.twostep.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;

import jakarta.ws.rs.core.NewCookie;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;

import dev.twostep.core.RequiredActionIds;
import dev.twostep.core.device.TrustedDeviceCredentialModel;
import dev.twostep.core.device.TrustedDevices;
import dev.twostep.core.kind.Channel;
import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.phone.PhoneCredentialModel;
import dev.twostep.core.policy.TwoStepPolicy;
import dev.twostep.core.recovery.AccountRecovery;
import dev.twostep.core.testing.StandInKeycloak;
import dev.twostep.core.testing.StandInUser;

/** Each way through the sign-in step, on stand-ins of Keycloak's contexts (the integration tests run the real one). */
class VerifyAuthenticatorTest {
    private final StandInKeycloak kc = new StandInKeycloak();
    private final VerifyAuthenticator step = new VerifyAuthenticator();

    private AccountRecovery installedRecovery() {
        AccountRecovery recovery = mock(AccountRecovery.class);
        when(recovery.available()).thenReturn(true);
        when(recovery.admitsEnrollment(any(), any())).thenReturn(true);
        kc.providers.put(AccountRecovery.class, recovery);
        return recovery;
    }

    @Test
    void withoutAnyMethodAndWithoutTheRecoveryModuleTheSellerGoesOnToTheEnrollment() {
        StandInUser user = new StandInUser();
        AuthenticationFlowContext flow = kc.flowContext(user);
        step.authenticate(flow);
        verify(flow).success();
        assertTrue(user.requiredActions.contains(RequiredActionIds.ENROLL), "no exemption: the enrollment is next");
        assertTrue(kc.loginRequiredActions.contains(RequiredActionIds.ENROLL));
        assertEquals("enrollment", kc.authNotes.get(VerifyAuthenticator.NOTE_PASSED_BY));
    }

    @Test
    void aDisabledEnrollmentFailsClosedInsteadOfLettingThePasswordThrough() {
        kc.requiredActionsEnabled.put(RequiredActionIds.ENROLL, false);
        AuthenticationFlowContext flow = kc.flowContext(new StandInUser());
        step.authenticate(flow);
        verify(flow).failure(AuthenticationFlowError.CREDENTIAL_SETUP_REQUIRED);
        verify(flow, never()).success();
    }

    @Test
    void anApprovalWaitingForAnotherBrowserKeepsThisOneOnTheRecoveryPages() {
        AccountRecovery recovery = installedRecovery();
        when(recovery.admitsEnrollment(any(), any())).thenReturn(false);
        AuthenticationFlowContext flow = kc.flowContext(new StandInUser());
        step.authenticate(flow);
        verify(recovery).start(flow);
        verify(flow, never()).success();
    }

    @Test
    void whatIsLeftOfAnIncompleteSetupIsAskedForBeforeTheEnrollment() {
        StandInUser user = new StandInUser().app();
        AuthenticationFlowContext flow = kc.flowContext(user);
        step.authenticate(flow);
        assertEquals("two-step-verify.ftl", kc.pages.last().template());
        assertTrue(user.requiredActions.contains(RequiredActionIds.ENROLL));
        verify(flow, never()).success();
    }

    @Test
    void theAppCodePassesTheStepAndSettlesAnyRecovery() {
        AccountRecovery recovery = installedRecovery();
        StandInUser user = StandInUser.enrolled();
        AuthenticationFlowContext flow = kc.flowContext(user);
        step.authenticate(flow);
        assertEquals(true, current().get("app"), "the app is the primary");

        kc.post("code", StandInUser.APP_CODE);
        step.action(flow);
        verify(flow).success(OTPCredentialModel.TYPE);
        verify(recovery).settle(kc.realm, user.model);
        assertEquals("code", kc.authNotes.get(VerifyAuthenticator.NOTE_PASSED_BY));
        assertTrue(kc.cookiesSet.stream().noneMatch(cookie -> cookie.getName().equals(TrustedDevices.COOKIE)),
                "no trusted device without the box ticked");
    }

    @Test
    void aWrongCodeIsAFailedLoginWithItsEventAndTheSameMethodAsksAgain() {
        AccountRecovery recovery = installedRecovery();
        AuthenticationFlowContext flow = kc.flowContext(StandInUser.enrolled());
        step.authenticate(flow);
        kc.post("code", "135790");
        step.action(flow);
        verify(flow).failureChallenge(eq(AuthenticationFlowError.INVALID_CREDENTIALS), any());
        verify(flow, never()).success(anyString());
        verify(recovery, never()).settle(any(), any());
        assertEquals("two-step-verify.ftl", kc.pages.last().template());
        assertEquals(java.util.List.of("twoStepCodeInvalid"), kc.pages.last().errors());
        StandInKeycloak.Events.Written event = kc.events.written.get(kc.events.written.size() - 1);
        assertEquals(Errors.INVALID_USER_CREDENTIALS, event.outcome());
        assertEquals("primary", event.details().get("two_step_method"));
    }

    @Test
    void aLockedOutUserLearnsNothingOfTheCodeTyped() {
        when(kc.realm.isBruteForceProtected()).thenReturn(true);
        BruteForceProtector protector = mock(BruteForceProtector.class);
        when(protector.isTemporarilyDisabled(any(), any(), any())).thenReturn(true);
        kc.providers.put(BruteForceProtector.class, protector);
        AuthenticationFlowContext flow = kc.flowContext(StandInUser.enrolled());
        step.authenticate(flow);
        kc.post("code", StandInUser.APP_CODE);
        step.action(flow);
        verify(flow, never()).success(anyString());
        assertEquals(java.util.List.of("twoStepLockedOut"), kc.pages.last().errors());
        assertEquals(Errors.USER_TEMPORARILY_DISABLED, kc.events.written.get(kc.events.written.size() - 1).outcome());
    }

    @Test
    void aTextMessagePrimaryGetsOneTextAndItsCodePasses() {
        StandInUser user = new StandInUser().phone("+393471234567", Channel.SMS, MethodRole.PRIMARY).app();
        AuthenticationFlowContext flow = kc.flowContext(user);
        step.authenticate(flow);
        assertEquals(1, kc.sent.size());
        assertEquals("+393471234567", kc.sent.get(0).to());
        step.authenticate(flow); // a reload
        assertEquals(1, kc.sent.size(), "a reload sends nothing more");

        kc.post("code", kc.lastCode());
        step.action(flow);
        verify(flow).success(PhoneCredentialModel.TYPE);
    }

    @Test
    void aCodeFromABrowserTheAccountHasNotUsedIsWorthANoticeAndOnceTrustedOneIsNot() {
        StandInUser user = StandInUser.enrolled();
        org.mockito.Mockito.lenient().when(user.model.getEmail()).thenReturn("mario@example.com");
        user.attributes.put(dev.twostep.core.device.KnownBrowsers.ATTRIBUTE, java.util.List.of("0123456789abcdef01234567:1"));
        AuthenticationFlowContext flow = kc.flowContext(user);
        step.authenticate(flow);
        kc.post("code", StandInUser.APP_CODE, "trustDevice", "on");
        step.action(flow);
        verify(flow).success(OTPCredentialModel.TYPE);
        assertEquals(java.util.List.of("twoStepNoticeNewSignIn"), kc.notices);
        assertTrue(kc.noticeLinks.get(0).contains("two-step-not-me"), "with its This wasn't me link");
        NewCookie trusted = kc.cookiesSet.stream().filter(set -> set.getName().equals(TrustedDevices.COOKIE))
                .findFirst().orElseThrow();

        // Past the trust's lifetime the browser is asked for a code again, but it is one the seller uses.
        Time.setOffset((int) TwoStepPolicy.defaults().trustedDeviceLifetime().plusDays(1).toSeconds());
        try {
            StandInKeycloak onceTrusted = new StandInKeycloak();
            onceTrusted.browserSends(TrustedDevices.COOKIE, trusted.getValue());
            AuthenticationFlowContext again = onceTrusted.flowContext(user);
            step.authenticate(again);
            onceTrusted.post("code", StandInUser.APP_CODE);
            step.action(again);
            verify(again).success(OTPCredentialModel.TYPE);
            assertEquals(java.util.List.of(), onceTrusted.notices, "a browser once trusted is one the seller uses");

            // Someone with the password and a phished code cannot silence the notice with a cookie of that name.
            StandInKeycloak forged = new StandInKeycloak();
            forged.browserSends(TrustedDevices.COOKIE, trusted.getValue().substring(0, trusted.getValue().length() - 4) + "AAAA");
            AuthenticationFlowContext thief = forged.flowContext(user);
            step.authenticate(thief);
            forged.post("code", StandInUser.APP_CODE);
            step.action(thief);
            verify(thief).success(OTPCredentialModel.TYPE);
            assertEquals(java.util.List.of("twoStepNoticeNewSignIn"), forged.notices, "a forged cookie proves nothing");
        } finally {
            Time.setOffset(0);
        }
    }

    @Test
    void aPrimaryPhoneWhoseSimChangedLatelyIsHeldBackForTheBackup() {
        kc.lookingUpNumbers();
        kc.lookupAnswers.put("+393471234567", new dev.twostep.core.lookup.NumberFacts(
                dev.twostep.core.lookup.LineType.MOBILE, 5, java.time.Instant.now().minusSeconds(3600), true));
        StandInUser user = new StandInUser().phone("+393471234567", Channel.SMS, MethodRole.PRIMARY).app();
        AuthenticationFlowContext flow = kc.flowContext(user);
        step.authenticate(flow);
        assertTrue(kc.sent.isEmpty(), "no code to a phone that may be in someone else's hands");
        assertEquals(true, current().get("app"), "the backup is asked for instead");
        assertEquals("twoStepSimChanged", kc.pages.last().info());
        assertTrue(kc.events.outcomes().contains(dev.twostep.core.delivery.NumberScreen.SIM_CHANGED_EVENT));

        kc.post("action", "use", "method", "primary-voice");
        step.action(flow);
        assertTrue(kc.sent.isEmpty(), "nor a call to it, asked for by name");
        assertEquals(1, kc.lookedUp.size(), "one lookup for the whole sign-in");
        kc.post("code", StandInUser.APP_CODE);
        step.action(flow);
        verify(flow).success(OTPCredentialModel.TYPE);
    }

    @Test
    void didntReceiveTheCodeOffersTheBackupAndAVoiceCallWithinTheCooldownWaits() {
        StandInUser user = new StandInUser().phone("+393471234567", Channel.SMS, MethodRole.PRIMARY).app();
        AuthenticationFlowContext flow = kc.flowContext(user);
        step.authenticate(flow);
        kc.post("action", "other");
        step.action(flow);
        assertEquals("two-step-other-methods.ftl", kc.pages.last().template());
        @SuppressWarnings("unchecked")
        java.util.List<Map<String, Object>> others = (java.util.List<Map<String, Object>>) kc.pages.last().model().get("others");
        assertEquals(java.util.List.of("backup", "primary-voice"), others.stream().map(o -> o.get("id")).toList());

        kc.post("action", "use", "method", "primary-voice");
        step.action(flow);
        assertEquals(1, kc.sent.size(), "a call right after the text waits for the number's cooldown");
        assertEquals(java.util.List.of("twoStepResendTooSoon"), kc.pages.last().errors());

        kc.post("action", "use", "method", "backup");
        step.action(flow);
        assertEquals(true, current().get("app"), "the app backup asks for its code, nothing is sent");
        kc.post("code", StandInUser.APP_CODE);
        step.action(flow);
        verify(flow).success(OTPCredentialModel.TYPE);
    }

    @Test
    void aTrustedBrowserPassesWithoutACodeAndSettles() {
        AccountRecovery recovery = installedRecovery();
        StandInUser user = StandInUser.enrolled();
        AuthenticationFlowContext first = kc.flowContext(user);
        step.authenticate(first);
        kc.post("code", StandInUser.APP_CODE, "trustDevice", "on");
        step.action(first);
        assertEquals(1, user.count(TrustedDeviceCredentialModel.TYPE), "the browser is trusted");
        NewCookie cookie = kc.cookiesSet.stream().filter(set -> set.getName().equals(TrustedDevices.COOKIE))
                .findFirst().orElseThrow();

        StandInKeycloak next = new StandInKeycloak();
        next.providers.put(AccountRecovery.class, recovery);
        next.browserSends(cookie.getName(), cookie.getValue());
        AuthenticationFlowContext again = next.flowContext(user);
        step.authenticate(again);
        verify(again).success(TrustedDeviceCredentialModel.TYPE);
        assertEquals("trusted-device", next.authNotes.get(VerifyAuthenticator.NOTE_PASSED_BY));
        assertTrue(next.pages.shown.isEmpty(), "no page at all");
    }

    @Test
    void aForgedTrustedDeviceCookieIsJustAskedForACode() {
        StandInUser user = StandInUser.enrolled();
        kc.browserSends("TWO_STEP_TRUSTED_DEVICE", "forged.value");
        AuthenticationFlowContext flow = kc.flowContext(user);
        step.authenticate(flow);
        verify(flow, never()).success(anyString());
        assertEquals("two-step-verify.ftl", kc.pages.last().template());
    }

    @Test
    void postsFromTheRecoveryPagesGoToTheRecovery() {
        AccountRecovery recovery = installedRecovery();
        when(recovery.onPages(any())).thenReturn(true);
        AuthenticationFlowContext flow = kc.flowContext(StandInUser.enrolled());
        kc.post("action", "back");
        step.action(flow);
        verify(recovery).handle(eq(flow), any());
        assertTrue(kc.pages.shown.isEmpty(), "the code page is the recovery's to show");
    }

    @Test
    void withoutTheRecoveryModuleThePageSaysRecoveryIsNotOffered() {
        AuthenticationFlowContext flow = kc.flowContext(StandInUser.enrolled());
        step.authenticate(flow);
        kc.post("action", "recovery-start");
        step.action(flow);
        assertEquals("two-step-recovery-info.ftl", kc.pages.last().template());
        assertEquals(false, kc.pages.last().model().get("recoveryInstalled"));
        assertEquals(false, kc.pages.last().model().get("recoverable"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> current() {
        return (Map<String, Object>) kc.pages.last().model().get("current");
    }
}
