package dev.twostep.core.method;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.twostep.core.kind.Channel;
import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.passkey.KeyStorage;
import dev.twostep.core.phone.PhoneCredentialData;

class UserMethodsTest {
    private static PhoneCredentialData phone(String number, MethodRole role) {
        return new PhoneCredentialData(number, Channel.SMS, true, role);
    }

    @Test
    void nothingOrOneMethodIsNotTwoStep() {
        assertFalse(new UserMethods(List.of(), false).isComplete());
        assertFalse(new UserMethods(List.of(), true).isComplete());
        assertFalse(new UserMethods(List.of(phone("+393471234567", MethodRole.PRIMARY)), false).isComplete());
    }

    @Test
    void phoneAndAppInEitherOrderIsTwoStep() {
        assertTrue(new UserMethods(List.of(phone("+393471234567", MethodRole.PRIMARY)), true).isComplete());
        UserMethods appFirst = new UserMethods(List.of(phone("+393471234567", MethodRole.BACKUP)), true);
        assertTrue(appFirst.isComplete());
        assertTrue(appFirst.inRole(MethodRole.PRIMARY).orElseThrow().isApp());
    }

    @Test
    void twoPhonesMustDiffer() {
        assertTrue(new UserMethods(List.of(phone("+393471234567", MethodRole.PRIMARY),
                phone("+393479999999", MethodRole.BACKUP)), false).isComplete());
        assertFalse(new UserMethods(List.of(phone("+393471234567", MethodRole.PRIMARY),
                phone("+393471234567", MethodRole.BACKUP)), false).isComplete());
    }

    private static UserMethods.Passkey passkey(MethodRole role) {
        return new UserMethods.Passkey(role, "webauthn-" + role.id(), "Blue key", 1L, KeyStorage.HARDWARE);
    }

    @Test
    void aPasskeyHoldsItsRoleAndTheAppTakesTheOther() {
        UserMethods keyAndApp = new UserMethods(List.of(), List.of(passkey(MethodRole.PRIMARY)), true);
        assertTrue(keyAndApp.isComplete());
        assertTrue(keyAndApp.inRole(MethodRole.PRIMARY).orElseThrow().isPasskey());
        assertTrue(keyAndApp.inRole(MethodRole.BACKUP).orElseThrow().isApp());

        UserMethods appAndKey = new UserMethods(List.of(), List.of(passkey(MethodRole.BACKUP)), true);
        assertTrue(appAndKey.inRole(MethodRole.PRIMARY).orElseThrow().isApp());
        assertTrue(appAndKey.inRole(MethodRole.BACKUP).orElseThrow().isPasskey());

        UserMethods phoneAndKey = new UserMethods(List.of(phone("+393471234567", MethodRole.PRIMARY)),
                List.of(passkey(MethodRole.BACKUP)), false);
        assertTrue(phoneAndKey.isComplete());
        assertFalse(phoneAndKey.inRole(MethodRole.BACKUP).orElseThrow().isApp());
    }

    @Test
    void aPasskeyAloneOrTwoPasskeysAreNotTwoStep() {
        assertFalse(new UserMethods(List.of(), List.of(passkey(MethodRole.PRIMARY)), false).isComplete());
        assertTrue(new UserMethods(List.of(), List.of(passkey(MethodRole.PRIMARY)), false).hasAny());
        assertFalse(new UserMethods(List.of(), List.of(passkey(MethodRole.PRIMARY), passkey(MethodRole.BACKUP)), false)
                .isComplete(), "one keychain lost would take both roles");
    }
}
