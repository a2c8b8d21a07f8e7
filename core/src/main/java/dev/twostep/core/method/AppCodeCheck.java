package dev.twostep.core.method;

import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * Checks a code typed from the user's authenticator app against the {@code otp} credential our enrollment
 * bound (never another one, see {@link AppBinding}) through Keycloak's own OTP provider, which knows the
 * realm policy and refuses a code used before.
 */
public final class AppCodeCheck {
    private AppCodeCheck() {
    }

    public static boolean isValid(UserModel user, String typed) {
        String code = typed == null ? "" : typed.replaceAll("\\s", "");
        if (code.isEmpty()) {
            return false;
        }
        return AppBinding.boundApp(user.credentialManager().getStoredCredentialsStream().toList())
                .map(otp -> user.credentialManager()
                        .isValid(new UserCredentialModel(otp.getId(), OTPCredentialModel.TYPE, code)))
                .orElse(false);
    }
}
