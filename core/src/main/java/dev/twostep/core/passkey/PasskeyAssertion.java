package dev.twostep.core.passkey;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.logging.Logger;
import org.keycloak.WebAuthnConstants;
import org.keycloak.common.util.Base64Url;
import org.keycloak.credential.WebAuthnCredentialModelInput;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;

/**
 * Asks the browser for the seller's bound passkey and checks its answer through Keycloak's WebAuthn
 * credential provider (signature, challenge, origin, user verification per the realm's policy, and the
 * signature counter, which catches a cloned authenticator). Only the one passkey of the role counts.
 */
public final class PasskeyAssertion {
    private static final Logger LOG = Logger.getLogger(PasskeyAssertion.class);

    private final AuthenticationSessionModel authSession;
    private final String challengeNote;
    private final WebAuthnSettings settings;

    public PasskeyAssertion(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
                            String slot) {
        this.authSession = authSession;
        this.challengeNote = "two-step.passkey." + slot + ".assert";
        this.settings = new WebAuthnSettings(session, realm);
    }

    /** The page's input for {@code authenticateByWebAuthn}, with a new challenge each time it is shown. */
    public Map<String, Object> begin(PasskeyBinding.Bound passkey) {
        String challenge = Base64Url.encode(new DefaultChallenge().getValue());
        authSession.setAuthNote(challengeNote, challenge);
        Map<String, Object> input = new HashMap<>();
        input.put("challenge", challenge);
        input.put("rpId", settings.rpId());
        input.put("userVerification", settings.policy.getUserVerificationRequirement());
        input.put("createTimeout", settings.policy.getCreateTimeout());
        input.put("credentialId", Base64Url.encodeBase64ToBase64Url(credentialId(passkey)));
        return input;
    }

    /** True when the browser's answer to {@link #begin} is a fresh signature of {@code passkey} for this user. */
    public boolean check(UserModel user, PasskeyBinding.Bound passkey, MultivaluedMap<String, String> form) {
        String challenge = authSession.getAuthNote(challengeNote);
        authSession.removeAuthNote(challengeNote);
        String error = form.getFirst(WebAuthnConstants.ERROR);
        if (challenge == null || (error != null && !error.isBlank())) {
            LOG.debugf("passkey sign-in refused: %s", challenge == null ? "no challenge" : error);
            return false;
        }
        try {
            byte[] used = Base64Url.decode(form.getFirst(WebAuthnConstants.CREDENTIAL_ID));
            if (!Arrays.equals(used, Base64.getDecoder().decode(credentialId(passkey)))) {
                // Another passkey, even one Keycloak knows for this user, is not the method of this role.
                return false;
            }
            String handle = form.getFirst(WebAuthnConstants.USER_HANDLE);
            if (handle != null && !handle.isBlank()
                    && !user.getId().equals(new String(Base64Url.decode(handle), StandardCharsets.UTF_8))) {
                return false;
            }
            WebAuthnCredentialModelInput input = new WebAuthnCredentialModelInput(PasskeyBinding.WEBAUTHN_TYPE);
            input.setAuthenticationRequest(new AuthenticationRequest(used,
                    Base64Url.decode(form.getFirst(WebAuthnConstants.AUTHENTICATOR_DATA)),
                    Base64Url.decode(form.getFirst(WebAuthnConstants.CLIENT_DATA_JSON)),
                    Base64Url.decode(form.getFirst(WebAuthnConstants.SIGNATURE))));
            input.setAuthenticationParameters(new WebAuthnCredentialModelInput.KeycloakWebAuthnAuthenticationParameters(
                    new ServerProperty(settings.origins(), settings.rpId(), new DefaultChallenge(challenge)),
                    settings.userVerificationRequired()));
            return user.credentialManager().isValid(input);
        } catch (RuntimeException e) {
            // A counter that went back (a clone), a bad signature, or a malformed post: all a refusal.
            LOG.debugf("passkey sign-in refused for user %s: %s", user.getId(), e.toString());
            return false;
        }
    }

    private static String credentialId(PasskeyBinding.Bound passkey) {
        return WebAuthnCredentialModel.createFromCredentialModel(passkey.webauthn()).getWebAuthnCredentialData().getCredentialId();
    }
}
