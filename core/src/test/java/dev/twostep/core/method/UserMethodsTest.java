package dev.twostep.core.method;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.twostep.core.kind.Channel;
import dev.twostep.core.kind.MethodRole;
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
}
