package dev.twostep.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.Base32;
import org.keycloak.models.utils.HmacOTP;
import org.keycloak.models.utils.TimeBasedOTP;

import dev.twostep.core.RequiredActionIds;
import dev.twostep.core.device.TrustedDeviceCredentialModel;
import dev.twostep.core.kind.Channel;
import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.method.AppBinding;
import dev.twostep.core.method.MethodsBaseline;
import dev.twostep.core.phone.PhoneCredentialModel;
import dev.twostep.core.recovery.AccountRecovery;
import dev.twostep.core.testing.StandInKeycloak;
import dev.twostep.core.testing.StandInUser;

/** The enrollment's state machine, page by page, on stand-ins of Keycloak's contexts. */
class EnrollActionTest {
    private final StandInKeycloak kc = new StandInKeycloak();
    private final EnrollAction enroll = new EnrollAction();
    private final StandInUser user = new StandInUser();
    private final RequiredActionContext context = kc.actionContext(user);

    private void post(String... fields) {
        kc.post(fields);
        enroll.processAction(context);
    }

    private String page() {
        return kc.pages.last().template();
    }

    private List<String> errors() {
        return kc.pages.last().errors();
    }

    /** From the start page to the method choice of the primary. */
    private void toMethodChoice() {
        user.requiredActions.add(RequiredActionIds.ENROLL);
        enroll.requiredActionChallenge(context);
        assertEquals("two-step-enroll-start.ftl", page());
        post("action", "start");
        assertEquals("two-step-enroll-method.ftl", page());
    }

    private void textMessagePrimary() {
        toMethodChoice();
        post("method", "phone");
        assertEquals("two-step-enroll-phone.ftl", page());
        post("channel", "sms", "country", "IT", "number", "347 123 4567");
        assertEquals("two-step-enroll-phone-code.ftl", page());
        post("code", kc.lastCode());
        assertEquals("two-step-enroll-method.ftl", page());
        assertEquals("twoStepPrimarySaved", kc.pages.last().info());
    }

    /** The app, with a code computed from the key shown under "Can't scan the barcode?". */
    private void appFromThePage() {
        post("method", "app");
        assertEquals("two-step-enroll-app.ftl", page());
        String key = ((String) kc.pages.last().model().get("secretKey")).replace(" ", "");
        assertTrue(((String) kc.pages.last().model().get("qrCode")).length() > 100, "a QR code image");
        String code = new TimeBasedOTP(HmacOTP.HMAC_SHA1, 6, 30, 1).generateTOTP(Base32.decode(key));
        post("code", code);
    }

    @Test
    void aTextMessagePrimaryAndAnAppBackupAreStoredOnlyAtTheEnd() {
        org.mockito.Mockito.lenient().when(user.model.getEmail()).thenReturn("mario@example.com");
        AccountRecovery recovery = mock(AccountRecovery.class);
        kc.providers.put(AccountRecovery.class, recovery);
        textMessagePrimary();
        assertEquals(1, kc.sent.size());
        assertEquals("+393471234567", kc.sent.get(0).to());
        assertEquals(0, user.credentials.size(), "nothing stored before the end");

        appFromThePage();
        assertEquals("two-step-enroll-done.ftl", page());
        post("action", "finish", "trustDevice", "on");

        verify(context).success();
        assertEquals(1, user.count(PhoneCredentialModel.TYPE));
        assertEquals(MethodRole.PRIMARY, PhoneCredentialModel.from(user.credentials.stream()
                .filter(c -> c.getType().equals(PhoneCredentialModel.TYPE)).findFirst().orElseThrow()).data().role());
        assertEquals(1, user.count(OTPCredentialModel.TYPE));
        assertEquals(1, user.count(AppBinding.TYPE), "the app our enrollment bound");
        assertEquals(1, user.count(TrustedDeviceCredentialModel.TYPE), "Don't require codes on this device");
        assertFalse(user.requiredActions.contains(RequiredActionIds.ENROLL));
        verify(recovery).settle(kc.realm, user.model);
        List<StandInKeycloak.Events.Written> updates = kc.events.written.stream()
                .filter(event -> "UPDATE_CREDENTIAL".equals(event.type())).toList();
        assertEquals(List.of("primary", "backup"), updates.stream().map(e -> e.details().get("two_step_role")).toList());
        assertEquals(List.of("success", "success"), updates.stream().map(StandInKeycloak.Events.Written::outcome).toList());
        assertEquals(List.of(), kc.notices, "a first enrollment is no news");
    }

    @Test
    void settingUpAgainAfterAMethodWasRemovedIsNews() {
        org.mockito.Mockito.lenient().when(user.model.getEmail()).thenReturn("mario@example.com");
        user.phone("+393470000000", dev.twostep.core.kind.Channel.SMS, MethodRole.PRIMARY);
        textMessagePrimary();
        appFromThePage();
        post("action", "finish");
        verify(context).success();
        assertEquals(List.of("twoStepNoticeMethodChanged"), kc.notices);
    }

    @Test
    void emailIsRefusedWithTheReason() {
        toMethodChoice();
        post("method", "email");
        assertEquals("two-step-enroll-method.ftl", page());
        assertEquals(List.of("twoStepEmailRefused"), errors());
    }

    @Test
    void aMalformedNumberIsRefusedAndWhatWasTypedStays() {
        toMethodChoice();
        post("method", "phone");
        post("channel", "sms", "country", "IT", "number", "12");
        assertEquals("two-step-enroll-phone.ftl", page());
        assertEquals(List.of("twoStepInvalidNumber"), errors());
        assertEquals("12", kc.pages.last().model().get("number"));
        assertTrue(kc.sent.isEmpty());
    }

    @Test
    void aWrongCodeKeepsTheSellerOnTheCodePage() {
        toMethodChoice();
        post("method", "phone");
        post("channel", "voice", "country", "IT", "number", "3471234567");
        assertEquals(Channel.VOICE, kc.sent.get(0).channel());
        String wrong = kc.lastCode().equals("000000") ? "111111" : "000000";
        post("code", wrong);
        assertEquals("two-step-enroll-phone-code.ftl", page());
        assertEquals(List.of("twoStepCodeInvalid"), errors());
    }

    @Test
    void theBackupMustDifferFromThePrimary() {
        textMessagePrimary();
        post("method", "phone");
        post("channel", "voice", "country", "IT", "number", "3471234567");
        assertEquals(List.of("twoStepBackupSameNumber"), errors());

        StandInKeycloak other = new StandInKeycloak();
        StandInUser appUser = new StandInUser();
        RequiredActionContext appContext = other.actionContext(appUser);
        enroll.requiredActionChallenge(appContext);
        other.post("action", "start");
        enroll.processAction(appContext);
        other.post("method", "app");
        enroll.processAction(appContext);
        String key = ((String) other.pages.last().model().get("secretKey")).replace(" ", "");
        other.post("code", new TimeBasedOTP(HmacOTP.HMAC_SHA1, 6, 30, 1).generateTOTP(Base32.decode(key)));
        enroll.processAction(appContext);
        other.post("method", "app");
        enroll.processAction(appContext);
        assertEquals(List.of("twoStepBackupMustDiffer"), other.pages.last().errors());
    }

    @Test
    void aBackupNumberMayBeSavedWithoutACodeAndIsMarkedUnproven() {
        textMessagePrimary();
        post("method", "phone");
        post("channel", "sms", "country", "IT", "number", "3479999999", "skipVerification", "on");
        assertEquals("two-step-enroll-done.ftl", page());
        assertEquals(1, kc.sent.size(), "no code to the backup");
        post("action", "finish");
        assertEquals(false, user.credentials.stream().filter(c -> c.getType().equals(PhoneCredentialModel.TYPE))
                .map(c -> PhoneCredentialModel.from(c).data()).filter(d -> d.role() == MethodRole.BACKUP)
                .findFirst().orElseThrow().verified());
    }

    @Test
    void aSecondCodeToTheSameNumberWaitsForTheCooldown() {
        toMethodChoice();
        post("method", "phone");
        post("channel", "sms", "country", "IT", "number", "3471234567");
        post("action", "resend");
        assertEquals(1, kc.sent.size());
        assertEquals("twoStepResendTooSoon", errors().get(0));
    }

    @Test
    void anEnrollmentOvertakenByAnotherBrowserStoresNothing() {
        toMethodChoice();
        MethodsBaseline.recordIfAbsent(kc.authSession, user.model);
        user.app().phone("+393470000000", Channel.SMS, MethodRole.BACKUP); // set up elsewhere meanwhile
        int before = user.credentials.size();
        post("method", "phone");
        assertEquals("two-step-enroll-stale.ftl", page());
        assertEquals(before, user.credentials.size());
        assertEquals("two_step_methods_changed", kc.events.written.get(kc.events.written.size() - 1).outcome());
        verify(context, never()).success();
    }

    @Test
    void aSellerWhoAlreadyHasTwoStepIsNotMadeToStartOver() {
        StandInUser enrolled = StandInUser.enrolled();
        enrolled.requiredActions.add(RequiredActionIds.ENROLL);
        RequiredActionContext done = kc.actionContext(enrolled);
        enroll.requiredActionChallenge(done);
        verify(done).success();
        assertFalse(enrolled.requiredActions.contains(RequiredActionIds.ENROLL));
        assertTrue(kc.pages.shown.isEmpty());
    }

    @Test
    void aSellerWithoutTwoStepGetsTheEnrollmentAsARequiredAction() {
        enroll.evaluateTriggers(context);
        assertTrue(user.requiredActions.contains(RequiredActionIds.ENROLL));
        StandInUser enrolled = StandInUser.enrolled();
        enroll.evaluateTriggers(kc.actionContext(enrolled));
        assertFalse(enrolled.requiredActions.contains(RequiredActionIds.ENROLL));
    }
}
