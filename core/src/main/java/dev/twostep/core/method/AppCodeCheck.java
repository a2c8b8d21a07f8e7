package dev.twostep.core.method;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.CredentialValidation;

import dev.twostep.core.code.CodeCheck;

/**
 * Checks a code typed from an authenticator app, always with Keycloak's own OTP validation, so the realm's
 * OTP policy (TOTP or HOTP, digits, period, look-ahead) holds: against the {@code otp} credential our
 * enrollment bound (never another one, see {@link AppBinding}), whose provider also refuses a code used
 * before; or, during the enrollment, against the secret about to be stored.
 */
public final class AppCodeCheck {
    private AppCodeCheck() {
    }

    public static CodeCheck check(UserModel user, String typed) {
        String code = normalised(typed);
        if (code.isEmpty()) {
            return CodeCheck.INVALID;
        }
        boolean valid = AppBinding.boundApp(user.credentialManager().getStoredCredentialsStream().toList())
                .map(otp -> user.credentialManager()
                        .isValid(new UserCredentialModel(otp.getId(), OTPCredentialModel.TYPE, code)))
                .orElse(false);
        return valid ? CodeCheck.VALID : CodeCheck.INVALID;
    }

    /** The enrollment's check: does the app the seller just set up show codes of {@code secret}? */
    public static CodeCheck checkNewSecret(RealmModel realm, String secret, String typed) {
        String code = normalised(typed);
        if (code.isEmpty()) {
            return CodeCheck.INVALID;
        }
        OTPCredentialModel model = OTPCredentialModel.createFromPolicy(realm, secret);
        return CredentialValidation.validOTP(code, model, realm.getOTPPolicy().getLookAheadWindow())
                ? CodeCheck.VALID : CodeCheck.INVALID;
    }

    private static String normalised(String typed) {
        return typed == null ? "" : typed.replaceAll("\\s", "");
    }
}
