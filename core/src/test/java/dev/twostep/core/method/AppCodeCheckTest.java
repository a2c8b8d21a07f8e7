package dev.twostep.core.method;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.HmacOTP;
import org.keycloak.models.utils.TimeBasedOTP;

import dev.twostep.core.code.CodeCheck;

/** The enrollment's app check follows the realm's OTP policy as Keycloak's own validation does. */
class AppCodeCheckTest {
    private static final String SECRET = "twenty-byte-secret!!";

    private static RealmModel realmWith(OTPPolicy policy) {
        return (RealmModel) Proxy.newProxyInstance(RealmModel.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOTPPolicy" -> policy;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aTimeBasedCodeOfTheNewSecretPassesAndAWrongOneDoesNot() {
        RealmModel realm = realmWith(new OTPPolicy(OTPCredentialModel.TOTP, HmacOTP.HMAC_SHA1, 0, 6, 1, 30));
        String code = new TimeBasedOTP(HmacOTP.HMAC_SHA1, 6, 30, 1).generateTOTP(SECRET.getBytes(StandardCharsets.UTF_8));
        assertEquals(CodeCheck.VALID, AppCodeCheck.checkNewSecret(realm, SECRET, code));
        assertEquals(CodeCheck.VALID, AppCodeCheck.checkNewSecret(realm, SECRET, code.substring(0, 3) + " " + code.substring(3)),
                "typed with a space, as apps show it");
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertEquals(CodeCheck.INVALID, AppCodeCheck.checkNewSecret(realm, SECRET, wrong));
        assertEquals(CodeCheck.INVALID, AppCodeCheck.checkNewSecret(realm, SECRET, "  "));
        assertEquals(CodeCheck.INVALID, AppCodeCheck.checkNewSecret(realm, SECRET, null));
    }

    @Test
    void aCounterBasedRealmPolicyIsHonoured() {
        RealmModel realm = realmWith(new OTPPolicy(OTPCredentialModel.HOTP, HmacOTP.HMAC_SHA1, 0, 6, 1, 30));
        String first = new HmacOTP(6, HmacOTP.HMAC_SHA1, 1).generateHOTP(SECRET, 0);
        assertEquals(CodeCheck.VALID, AppCodeCheck.checkNewSecret(realm, SECRET, first), "counter 0 under HOTP");
        String farAhead = new HmacOTP(6, HmacOTP.HMAC_SHA1, 1).generateHOTP(SECRET, 50);
        assertEquals(CodeCheck.INVALID, AppCodeCheck.checkNewSecret(realm, SECRET, farAhead), "beyond the look-ahead");
    }

    @Test
    void everyFailedCheckHasAMessageAndAMatchHasNone() {
        for (CodeCheck check : CodeCheck.values()) {
            assertEquals(check != CodeCheck.VALID, check.messageKey() != null, check.name());
        }
    }
}
