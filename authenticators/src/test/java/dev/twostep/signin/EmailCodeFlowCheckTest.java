package dev.twostep.signin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmailCodeFlowCheckTest {
    @Test
    void knownAndLookAlikeEmailCodeAuthenticatorsAreFlagged() {
        for (String id : new String[] {"email-otp-authenticator", "email-authenticator", "ext-email-otp",
                "my-Email-Code-form", "e-mail-otp"}) {
            assertTrue(EmailCodeFlowCheck.sendsCodesByEmail(id), id);
        }
    }

    @Test
    void ordinaryStepsAreNotFlagged() {
        for (String id : new String[] {"auth-username-password-form", "auth-otp-form", "two-step-verify",
                "idp-email-verification", "auth-cookie", null}) {
            assertFalse(EmailCodeFlowCheck.sendsCodesByEmail(id), String.valueOf(id));
        }
    }
}
