package dev.twostep.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.Errors;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;

import dev.twostep.core.RequiredActionIds;
import dev.twostep.core.device.TrustedDeviceCredentialModel;
import dev.twostep.core.device.TrustedDevices;
import dev.twostep.core.phone.PhoneCredentialModel;
import dev.twostep.core.testing.StandInKeycloak;
import dev.twostep.core.testing.StandInUser;

/** The settings' state machine, page by page, on stand-ins of Keycloak's contexts. */
class SettingsActionTest {
    private final StandInKeycloak kc = new StandInKeycloak();
    private final SettingsAction settings = new SettingsAction();
    private final StandInUser user = StandInUser.enrolled();
    private final RequiredActionContext context = kc.actionContext(user);

    /** The fresh code, then the overview. */
    private void openWithACode() {
        settings.requiredActionChallenge(context);
        kc.post("code", StandInUser.APP_CODE);
        settings.processAction(context);
        assertEquals("two-step-settings.ftl", kc.pages.last().template());
    }

    @Test
    void nothingIsShownBeforeAFreshCodeEvenRightAfterSignIn() {
        settings.requiredActionChallenge(context);
        assertEquals("two-step-verify.ftl", kc.pages.last().template());
        assertFalse(kc.pages.last().model().containsKey("primary"), "no method is shown on the code page");
        assertEquals(false, kc.pages.last().model().get("trustsDevices"), "no trusted-device shortcut here");
        kc.post("action", "done");
        settings.processAction(context);
        verify(context, never()).success();
        assertEquals("two-step-verify.ftl", kc.pages.last().template(), "an action without the code is a wrong code");
    }

    @Test
    void aWrongCodeCountsAsAFailedLoginForBruteForceDetection() {
        when(kc.realm.isBruteForceProtected()).thenReturn(true);
        BruteForceProtector protector = mock(BruteForceProtector.class);
        kc.providers.put(BruteForceProtector.class, protector);
        settings.requiredActionChallenge(context);
        kc.post("code", "000000");
        settings.processAction(context);
        verify(protector).failedLogin(eq(kc.realm), eq(user.model), any(), any(), eq(java.util.Set.of(OTPCredentialModel.TYPE)));
        assertEquals(List.of("twoStepCodeInvalid"), kc.pages.last().errors());
        assertEquals(Errors.INVALID_USER_CREDENTIALS, kc.events.written.get(kc.events.written.size() - 1).outcome());
    }

    @Test
    void theOverviewShowsTheMethodsAndHowManyDevicesAreTrusted() {
        new TrustedDevices(kc.session).trustThisBrowser(kc.realm, user.model, Duration.ofDays(30));
        openWithACode();
        assertEquals(1L, kc.pages.last().model().get("trustedDevices"));
        assertEquals(true, ((java.util.Map<?, ?>) kc.pages.last().model().get("primary")).get("app"));
        assertEquals("sms", ((java.util.Map<?, ?>) kc.pages.last().model().get("backup")).get("channel"));
    }

    @Test
    void requireCodesOnAllDevicesForgetsEveryTrustedDevice() {
        new TrustedDevices(kc.session).trustThisBrowser(kc.realm, user.model, Duration.ofDays(30));
        openWithACode();
        kc.post("action", "require-codes");
        settings.processAction(context);
        assertEquals(0, user.count(TrustedDeviceCredentialModel.TYPE));
        assertEquals("twoStepDevicesCleared", kc.pages.last().info());
        assertEquals(true, kc.pages.last().model().get("acted"), "Cancel goes: it could not undo this");
        StandInKeycloak.Events.Written event = kc.events.written.get(kc.events.written.size() - 1);
        assertEquals("REMOVE_CREDENTIAL", event.type());
        assertEquals("trusted-devices-revoked", event.details().get("two_step_change"));
        assertEquals("1", event.details().get("two_step_devices"));
    }

    @Test
    void turningTwoStepOffAsksFirstThenRemovesEveryMethodAndStaysOff() {
        openWithACode();
        kc.post("action", "disable");
        settings.processAction(context);
        assertEquals("two-step-settings-disable.ftl", kc.pages.last().template());
        assertEquals(2, user.count(OTPCredentialModel.TYPE) + user.count(PhoneCredentialModel.TYPE), "nothing yet");

        kc.post("action", "confirm-disable");
        settings.processAction(context);
        assertEquals("two-step-settings-disabled.ftl", kc.pages.last().template());
        assertEquals(0, user.count(OTPCredentialModel.TYPE) + user.count(PhoneCredentialModel.TYPE));
        assertTrue(user.requiredActions.contains(RequiredActionIds.ENROLL), "the next sign-in sets it up again");
        assertEquals("disabled", kc.events.written.get(kc.events.written.size() - 1).details().get("two_step_change"));

        settings.requiredActionChallenge(context); // a reload
        assertEquals("two-step-settings-disabled.ftl", kc.pages.last().template());
        verify(context, never()).success();
    }

    @Test
    void backOnTheConfirmationChangesNothing() {
        openWithACode();
        kc.post("action", "disable");
        settings.processAction(context);
        kc.post("action", "back");
        settings.processAction(context);
        assertEquals("two-step-settings.ftl", kc.pages.last().template());
        assertEquals(1, user.count(OTPCredentialModel.TYPE));
    }

    @Test
    void aPostFromAnotherSiteChangesNothing() {
        openWithACode();
        when(kc.context.getRequestHeaders().getHeaderString("Sec-Fetch-Site")).thenReturn("cross-site");
        kc.post("action", "require-codes");
        new TrustedDevices(kc.session).trustThisBrowser(kc.realm, user.model, Duration.ofDays(30));
        settings.processAction(context);
        assertEquals(1, user.count(TrustedDeviceCredentialModel.TYPE));
        assertEquals("twoStepCrossSiteRefused", kc.pages.last().error());
        assertEquals(Errors.INVALID_REQUEST, kc.events.written.get(kc.events.written.size() - 1).outcome());
    }

    @Test
    void aMethodRemovedElsewhereEndsTheSettingsWithoutAChange() {
        openWithACode();
        user.credentials.removeIf(credential -> credential.getType().equals(PhoneCredentialModel.TYPE));
        kc.post("action", "require-codes");
        settings.processAction(context);
        verify(context).success();
    }

    @Test
    void doneLeavesTheSettings() {
        openWithACode();
        kc.post("action", "done");
        settings.processAction(context);
        verify(context).success();
    }
}
