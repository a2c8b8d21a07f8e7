package dev.twostep.core.passkey;

import java.security.KeyStore;

import org.keycloak.authentication.requiredactions.WebAuthnRegister;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.WebAuthnPolicy;
import org.keycloak.truststore.TruststoreProvider;

import com.webauthn4j.WebAuthnRegistrationManager;
import com.webauthn4j.anchor.KeyStoreTrustAnchorRepository;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.CertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.DefaultCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.NullCertPathTrustworthinessVerifier;

/**
 * Keycloak's own check of a new passkey's attestation: the statement verifiers its WebAuthn registration
 * picks for the realm's policy (attestation conveyance, acceptable models), with certificate chains checked
 * against Keycloak's truststore, exactly as its security-key set-up does. Extending the required action is
 * only the way to reach them; the action itself is never run here.
 */
final class KeycloakAttestation extends WebAuthnRegister {
    private KeycloakAttestation(KeycloakSession session, CertPathTrustworthinessVerifier chains) {
        super(session, chains);
    }

    /** The registration checks for {@code policy}, with the truststore Keycloak is configured with. */
    static WebAuthnRegistrationManager checksFor(KeycloakSession session, WebAuthnPolicy policy) {
        KeyStore anchors = anchors(session);
        CertPathTrustworthinessVerifier chains = anchors == null ? new NullCertPathTrustworthinessVerifier()
                : new DefaultCertPathTrustworthinessVerifier(new KeyStoreTrustAnchorRepository(anchors));
        return new KeycloakAttestation(session, chains).createWebAuthnRegistrationManager(policy);
    }

    /** Whether an attestation's certificate chain is checked at all: only against a configured truststore. */
    static boolean checksChains(KeycloakSession session) {
        return anchors(session) != null;
    }

    private static KeyStore anchors(KeycloakSession session) {
        TruststoreProvider truststore = session.getProvider(TruststoreProvider.class);
        return truststore == null ? null : truststore.getTruststore();
    }
}
