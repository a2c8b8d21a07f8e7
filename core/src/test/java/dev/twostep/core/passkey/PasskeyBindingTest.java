package dev.twostep.core.passkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;

import dev.twostep.core.kind.MethodRole;

class PasskeyBindingTest {
    private static CredentialModel webauthn(String id) {
        CredentialModel model = new CredentialModel();
        model.setId(id);
        model.setType(PasskeyBinding.WEBAUTHN_TYPE);
        model.setUserLabel("Blue key");
        return model;
    }

    private static CredentialModel stored(PasskeyBinding binding, String id) {
        binding.setId(id);
        return binding;
    }

    @Test
    void onlyAWebAuthnCredentialABindingNamesIsAPasskeyOfOurs() {
        List<CredentialModel> stored = List.of(webauthn("ours"), webauthn("keycloaks-own"),
                stored(PasskeyBinding.of("ours", MethodRole.BACKUP, KeyStorage.HARDWARE), "b1"),
                stored(PasskeyBinding.of("deleted-elsewhere", MethodRole.PRIMARY, KeyStorage.SOFTWARE), "b2"));
        List<PasskeyBinding.Bound> bound = PasskeyBinding.bound(stored);
        assertEquals(1, bound.size());
        assertEquals("ours", bound.get(0).webauthn().getId());
        assertEquals(MethodRole.BACKUP, bound.get(0).binding().role());
        assertEquals(KeyStorage.HARDWARE, bound.get(0).binding().storage());
    }

    @Test
    void aBindingReadBackKeepsItsRoleAndSwapsIt() {
        PasskeyBinding read = PasskeyBinding.from(stored(PasskeyBinding.of("ours", MethodRole.PRIMARY, KeyStorage.SOFTWARE), "b1"));
        assertEquals(MethodRole.PRIMARY, read.data().role());
        PasskeyBinding swapped = read.withRole(MethodRole.BACKUP);
        assertEquals("b1", swapped.getId(), "the same stored record, updated");
        assertEquals(MethodRole.BACKUP, PasskeyBinding.from(swapped).data().role());
        assertEquals("ours", PasskeyBinding.from(swapped).data().webauthnCredentialId());
    }

    @Test
    void onlyAnUnsyncableKeyWhoseChainTheTruststoreCheckedIsHardware() {
        com.webauthn4j.data.attestation.statement.AttestationCertificatePath chain =
                new com.webauthn4j.data.attestation.statement.AttestationCertificatePath(
                        List.of(org.mockito.Mockito.mock(java.security.cert.X509Certificate.class)));
        var certified = new com.webauthn4j.data.attestation.statement.PackedAttestationStatement(
                com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier.ES256, new byte[64], chain);
        var self = new com.webauthn4j.data.attestation.statement.PackedAttestationStatement(
                com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier.ES256, new byte[64], null);
        var none = new com.webauthn4j.data.attestation.statement.NoneAttestationStatement();
        assertTrue(PasskeyRegistration.hasChain(certified));
        assertFalse(PasskeyRegistration.hasChain(self), "self attestation is the key's word for itself");
        assertFalse(PasskeyRegistration.hasChain(none), "no attestation at all");
        assertEquals("hwk", KeyStorage.of(true, false).amr());
        assertEquals("swk", KeyStorage.of(true, true).amr(), "a key that may be synced");
        assertEquals("swk", KeyStorage.of(false, false).amr(), "a chain nobody vouches for, or none");
    }

    @Test
    void aBindingWithoutItsRoleOrUnreadableBindsNothing() {
        CredentialModel roleless = new CredentialModel();
        roleless.setId("b1");
        roleless.setType(PasskeyBinding.TYPE);
        roleless.setCredentialData("{\"webauthnCredentialId\":\"ours\"}");
        CredentialModel garbled = new CredentialModel();
        garbled.setId("b2");
        garbled.setType(PasskeyBinding.TYPE);
        garbled.setCredentialData("not json");
        assertTrue(PasskeyBinding.bound(List.of(webauthn("ours"), roleless, garbled)).isEmpty());
    }
}
