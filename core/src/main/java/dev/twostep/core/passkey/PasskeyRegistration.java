package dev.twostep.core.passkey;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.logging.Logger;
import org.keycloak.WebAuthnConstants;
import org.keycloak.common.util.Base64Url;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.WebAuthnCredentialModelInput;
import org.keycloak.credential.WebAuthnCredentialProvider;
import org.keycloak.credential.WebAuthnCredentialProviderFactory;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import com.webauthn4j.WebAuthnRegistrationManager;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.AttestationStatement;
import com.webauthn4j.data.attestation.statement.CertificateBaseAttestationStatement;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;

/**
 * Registers a passkey or security key: the options Keycloak's {@code webauthnRegister.js} passes to the
 * browser, and the check of what the browser answers (WebAuthn4J, the library Keycloak's own WebAuthn runs
 * on, with the attestation checks Keycloak's own registration uses, under the realm's WebAuthn policy).
 * The result is staged, not stored: the caller decides when.
 */
public final class PasskeyRegistration {
    private static final Logger LOG = Logger.getLogger(PasskeyRegistration.class);
    private static final int LABEL_LENGTH = 40;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AuthenticationSessionModel authSession;
    private final String challengeNote;
    private final WebAuthnSettings settings;

    /** {@code slot} keeps this registration's challenge apart from other ceremonies of the same login. */
    public PasskeyRegistration(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
                               String slot) {
        this.session = session;
        this.realm = realm;
        this.authSession = authSession;
        this.challengeNote = "two-step.passkey." + slot + ".register";
        this.settings = new WebAuthnSettings(session, realm);
    }

    /** The page's input for {@code registerByWebAuthn}, with a new challenge each time the page is shown. */
    public Map<String, Object> begin(UserModel user) {
        String challenge = Base64Url.encode(new DefaultChallenge().getValue());
        authSession.setAuthNote(challengeNote, challenge);
        Map<String, Object> input = new HashMap<>();
        input.put("challenge", challenge);
        input.put("userid", Base64Url.encode(user.getId().getBytes(StandardCharsets.UTF_8)));
        input.put("username", user.getUsername());
        input.put("signatureAlgorithms", settings.algorithms().stream().map(a -> a.getValue()).toList());
        input.put("rpEntityName", settings.policy.getRpEntityName());
        input.put("rpId", settings.rpId());
        input.put("attestationConveyancePreference", settings.policy.getAttestationConveyancePreference());
        input.put("authenticatorAttachment", settings.policy.getAuthenticatorAttachment());
        input.put("requireResidentKey", settings.policy.getRequireResidentKey());
        input.put("residentKey", Optional.ofNullable(settings.policy.getResidentKey()).orElse(""));
        input.put("userVerificationRequirement", settings.policy.getUserVerificationRequirement());
        input.put("createTimeout", settings.policy.getCreateTimeout());
        // The same authenticator twice would be one method in two roles, and a key of Keycloak's passwordless
        // sign-in could be overwritten in the keychain: the browser is told which keys it must not make again.
        input.put("excludeCredentialIds", String.join(",", keysOf(user)));
        return input;
    }

    /** Whether {@code user} holds a security key (ours or Keycloak's passwordless one) with this id. */
    static boolean registeredAlready(UserModel user, byte[] credentialId) {
        return keysOf(user).stream().map(Base64Url::decode).anyMatch(id -> Arrays.equals(id, credentialId));
    }

    /** The ids (Base64url) of the user's security keys, ours and Keycloak's passwordless ones. */
    private static List<String> keysOf(UserModel user) {
        return user.credentialManager().getStoredCredentialsStream()
                .filter(stored -> PasskeyBinding.WEBAUTHN_TYPE.equals(stored.getType())
                        || WebAuthnCredentialModel.TYPE_PASSWORDLESS.equals(stored.getType()))
                .map(stored -> Base64Url.encodeBase64ToBase64Url(
                        WebAuthnCredentialModel.createFromCredentialModel(stored).getWebAuthnCredentialData().getCredentialId()))
                .toList();
    }

    /**
     * Checks the browser's answer to {@link #begin}; empty when the browser reported an error, the answer is
     * incomplete, forged, for another challenge or origin, or outside the realm's policy.
     */
    public Optional<StagedPasskey> finish(MultivaluedMap<String, String> form, String defaultLabel) {
        String challenge = authSession.getAuthNote(challengeNote);
        // One answer per challenge: a replayed answer finds no challenge.
        authSession.removeAuthNote(challengeNote);
        String error = form.getFirst(WebAuthnConstants.ERROR);
        String clientData = form.getFirst(WebAuthnConstants.CLIENT_DATA_JSON);
        String attestation = form.getFirst(WebAuthnConstants.ATTESTATION_OBJECT);
        if (challenge == null || (error != null && !error.isBlank()) || blank(clientData) || blank(attestation)) {
            LOG.debugf("passkey registration refused: %s", error == null || error.isBlank() ? "incomplete answer" : error);
            return Optional.empty();
        }
        try {
            String transports = form.getFirst(WebAuthnConstants.TRANSPORTS);
            RegistrationRequest request = blank(transports)
                    ? new RegistrationRequest(Base64Url.decode(attestation), Base64Url.decode(clientData))
                    : new RegistrationRequest(Base64Url.decode(attestation), Base64Url.decode(clientData),
                            new HashSet<>(Arrays.asList(transports.split(","))));
            List<PublicKeyCredentialParameters> algorithms = settings.algorithms().stream()
                    .map(a -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, a)).toList();
            ServerProperty server = new ServerProperty(settings.origins(), settings.rpId(), new DefaultChallenge(challenge));
            WebAuthnRegistrationManager manager = KeycloakAttestation.checksFor(session, settings.policy);
            RegistrationData data = manager.verify(manager.parse(request),
                    new RegistrationParameters(server, algorithms, settings.userVerificationRequired()));
            AttestedCredentialData attested = data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
            String attachment = form.getFirst(WebAuthnConstants.AUTHENTICATOR_ATTACHMENT);
            if (!acceptableModel(data, attested) || !acceptableAttachment(attachment)) {
                return Optional.empty();
            }
            // The browser was told to exclude these; a script need not listen, and two records of one key
            // would let the wrong one's counter move.
            UserModel user = authSession.getAuthenticatedUser();
            if (user != null && registeredAlready(user, attested.getCredentialId())) {
                LOG.debugf("passkey registration refused for realm %s: the key is registered already", realm.getName());
                return Optional.empty();
            }
            WebAuthnCredentialModelInput input = new WebAuthnCredentialModelInput(PasskeyBinding.WEBAUTHN_TYPE);
            input.setAttestedCredentialData(attested);
            input.setCount(data.getAttestationObject().getAuthenticatorData().getSignCount());
            input.setAttestationStatementFormat(data.getAttestationObject().getFormat());
            input.setTransports(data.getTransports());
            WebAuthnCredentialModel model = provider().getCredentialModelFromCredentialInput(input,
                    label(form.getFirst(WebAuthnConstants.AUTHENTICATOR_LABEL), defaultLabel));
            return Optional.of(new StagedPasskey(model.getUserLabel(), model.getCredentialData(), model.getSecretData(),
                    KeyStorage.of(modelsRestricted() && KeycloakAttestation.checksChains(session)
                                    && hasChain(data.getAttestationObject().getAttestationStatement()),
                            data.getAttestationObject().getAuthenticatorData().isFlagBE())));
        } catch (RuntimeException e) {
            // WebAuthn4J's verdicts, and malformed Base64 or CBOR from a forged post, all mean "not registered".
            LOG.debugf(e, "passkey registration refused for realm %s", realm.getName());
            return Optional.empty();
        }
    }

    /**
     * Whether the attestation carried a certificate chain (which the checks above then verified): self
     * attestation and none are only the authenticator's word.
     */
    static boolean hasChain(AttestationStatement statement) {
        return statement instanceof CertificateBaseAttestationStatement withChain && withChain.getX5c() != null
                && !withChain.getX5c().isEmpty();
    }

    /** A realm that lists the models it accepts: only then does a chain vouch for an authenticator. */
    private boolean modelsRestricted() {
        List<String> acceptable = settings.policy.getAcceptableAaguids();
        return acceptable != null && !acceptable.isEmpty();
    }

    private boolean acceptableModel(RegistrationData data, AttestedCredentialData attested) {
        if (!modelsRestricted()) {
            return true;
        }
        List<String> acceptable = settings.policy.getAcceptableAaguids();
        // Without attestation the model an authenticator claims is its own say-so; with it, the statement and
        // its chain were checked above.
        return !NoneAttestationStatement.FORMAT.equals(data.getAttestationObject().getFormat())
                && acceptable.contains(attested.getAaguid().toString());
    }

    /** As Keycloak's own registration: the browser's word for the attachment is all there is to check. */
    private boolean acceptableAttachment(String attachment) {
        String required = settings.policy.getAuthenticatorAttachment();
        return required == null || Constants.DEFAULT_WEBAUTHN_POLICY_NOT_SPECIFIED.equals(required)
                || required.equals(attachment);
    }

    private WebAuthnCredentialProvider provider() {
        return (WebAuthnCredentialProvider) session.getProvider(CredentialProvider.class,
                WebAuthnCredentialProviderFactory.PROVIDER_ID);
    }

    private static String label(String typed, String fallback) {
        String label = blank(typed) ? fallback : typed.strip();
        return label.length() > LABEL_LENGTH ? label.substring(0, LABEL_LENGTH) : label;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
