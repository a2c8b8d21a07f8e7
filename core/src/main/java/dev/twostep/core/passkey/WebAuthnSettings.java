package dev.twostep.core.passkey;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.common.util.UriUtils;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.WebAuthnPolicy;

import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;

/**
 * What the realm's WebAuthn policy (Authentication, Policies, Webauthn Policy in the admin console) and this
 * request say about a ceremony: the relying party, the origins a browser may answer from, the algorithms.
 */
final class WebAuthnSettings {
    /** The policy's algorithm names as COSE identifiers, which the browser and WebAuthn4J speak. */
    private static final Map<String, COSEAlgorithmIdentifier> ALGORITHMS = Map.of(
            "ES256", COSEAlgorithmIdentifier.ES256, "ES384", COSEAlgorithmIdentifier.ES384,
            "ES512", COSEAlgorithmIdentifier.ES512, "RS256", COSEAlgorithmIdentifier.RS256,
            "RS384", COSEAlgorithmIdentifier.RS384, "RS512", COSEAlgorithmIdentifier.RS512,
            "Ed25519", COSEAlgorithmIdentifier.EdDSA, "RS1", COSEAlgorithmIdentifier.RS1);

    private final KeycloakSession session;
    final WebAuthnPolicy policy;

    WebAuthnSettings(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.policy = realm.getWebAuthnPolicy();
    }

    String rpId() {
        String rpId = policy.getRpId();
        return rpId == null || rpId.isBlank() ? session.getContext().getUri().getBaseUri().getHost() : rpId;
    }

    Set<Origin> origins() {
        Set<Origin> origins = new HashSet<>();
        origins.add(new Origin(UriUtils.getOrigin(session.getContext().getUri().getBaseUri())));
        if (policy.getExtraOrigins() != null) {
            policy.getExtraOrigins().forEach(extra -> origins.add(new Origin(extra)));
        }
        return origins;
    }

    boolean userVerificationRequired() {
        return Constants.WEBAUTHN_POLICY_OPTION_REQUIRED.equals(policy.getUserVerificationRequirement());
    }

    List<COSEAlgorithmIdentifier> algorithms() {
        List<String> names = policy.getSignatureAlgorithm();
        if (names == null || names.isEmpty()) {
            names = List.of(Constants.DEFAULT_WEBAUTHN_POLICY_SIGNATURE_ALGORITHMS.split(","));
        }
        return names.stream().map(ALGORITHMS::get).filter(java.util.Objects::nonNull).toList();
    }
}
