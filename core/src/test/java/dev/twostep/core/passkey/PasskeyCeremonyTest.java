package dev.twostep.core.passkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Base64Url;
import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.WebAuthnPolicy;
import org.keycloak.models.credential.WebAuthnCredentialModel;

import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.testing.StandInKeycloak;
import dev.twostep.core.testing.StandInUser;

/**
 * What our side of a passkey ceremony decides before Keycloak's WebAuthn checks: one answer per challenge,
 * nothing staged from an error or a forged answer, and only the bound key of this user asked to sign.
 */
class PasskeyCeremonyTest {
    private static final byte[] KEY_ID = "the-bound-key-id".getBytes(StandardCharsets.UTF_8);

    private final StandInKeycloak kc = new StandInKeycloak();
    private final StandInUser user = new StandInUser();

    @BeforeEach
    void realmPolicy() {
        lenient().when(kc.realm.getWebAuthnPolicy()).thenReturn(new WebAuthnPolicy(List.of("ES256", "RS256")));
    }

    private PasskeyRegistration registration() {
        return new PasskeyRegistration(kc.session, kc.realm, kc.authSession, "enroll-primary");
    }

    private PasskeyAssertion assertion() {
        return new PasskeyAssertion(kc.session, kc.realm, kc.authSession, "signin");
    }

    private static MultivaluedMap<String, String> form(Map<String, String> fields) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        fields.forEach(form::add);
        return form;
    }

    @Test
    void theRegistrationPageGetsTheRealmsPolicyAndAFreshChallenge() {
        Map<String, Object> first = registration().begin(user.model);
        assertEquals("localhost", first.get("rpId"), "the host Keycloak is reached by, when the policy names none");
        assertEquals(Base64Url.encode(user.id.getBytes(StandardCharsets.UTF_8)), first.get("userid"));
        assertEquals(List.of(-7L, -257L), first.get("signatureAlgorithms"));
        Map<String, Object> second = registration().begin(user.model);
        assertNotNull(first.get("challenge"));
        assertFalse(first.get("challenge").equals(second.get("challenge")), "each page its own challenge");
    }

    @Test
    void anErrorOrAForgedAnswerStagesNothingAndSpendsTheChallenge() {
        registration().begin(user.model);
        assertTrue(registration().finish(form(Map.of("error", "NotAllowedError: cancelled")), "Passkey").isEmpty());
        assertTrue(registration().finish(form(Map.of("clientDataJSON", "e30", "attestationObject", "oA")), "Passkey")
                .isEmpty(), "the challenge went with the first answer");

        registration().begin(user.model);
        assertTrue(registration().finish(form(Map.of("clientDataJSON", "e30", "attestationObject", "not-cbor!")),
                "Passkey").isEmpty(), "a forged answer");
    }

    @Test
    void withoutAChallengeNoAnswerCounts() {
        assertTrue(registration().finish(form(Map.of("clientDataJSON", "e30", "attestationObject", "oA")), "Passkey")
                .isEmpty());
    }

    @Test
    void aKeyTheSellerHoldsAlreadyIsKnownByItsIdWhateverItsEncoding() {
        boundKey();
        assertTrue(PasskeyRegistration.registeredAlready(user.model, KEY_ID.clone()));
        byte[] other = KEY_ID.clone();
        other[0] ^= 1;
        assertFalse(PasskeyRegistration.registeredAlready(user.model, other));
    }

    private PasskeyBinding.Bound boundKey() {
        CredentialModel webauthn = WebAuthnCredentialModel.create(PasskeyBinding.WEBAUTHN_TYPE, "Blue key",
                "00000000-0000-0000-0000-000000000000", Base64.getEncoder().encodeToString(KEY_ID), null, "pk", 0,
                "none");
        user.store(webauthn);
        user.store(PasskeyBinding.of(webauthn.getId(), MethodRole.PRIMARY, KeyStorage.HARDWARE));
        return PasskeyBinding.bound(user.credentials).get(0);
    }

    @Test
    void theSignInPageAsksForTheBoundKeyOnly() {
        PasskeyBinding.Bound key = boundKey();
        assertEquals(Base64Url.encode(KEY_ID), assertion().begin(key).get("credentialId"));
    }

    @Test
    void anotherKeyOrAnotherUsersKeyIsRefusedBeforeAnySignatureCheck() {
        PasskeyBinding.Bound key = boundKey();
        assertion().begin(key);
        assertFalse(assertion().check(user.model, key, form(Map.of("credentialId", Base64Url.encode("other".getBytes()),
                "clientDataJSON", "e30", "authenticatorData", "AA", "signature", "AA"))));
        assertion().begin(key);
        assertFalse(assertion().check(user.model, key, form(Map.of("credentialId", Base64Url.encode(KEY_ID),
                "userHandle", Base64Url.encode("someone-else".getBytes(StandardCharsets.UTF_8)),
                "clientDataJSON", "e30", "authenticatorData", "AA", "signature", "AA"))));
        verify(user.model.credentialManager(), never()).isValid(any(CredentialInput[].class));
    }

    @Test
    void theBoundKeysAnswerGoesToKeycloaksCheckOnceAndOnlyOnce() {
        PasskeyBinding.Bound key = boundKey();
        assertion().begin(key);
        MultivaluedMap<String, String> answer = form(Map.of("credentialId", Base64Url.encode(KEY_ID),
                "clientDataJSON", "e30", "authenticatorData", "AA", "signature", "AA"));
        // The stand-in's provider says no to any WebAuthn answer: a no from Keycloak's check is a no here.
        assertFalse(assertion().check(user.model, key, answer));
        verify(user.model.credentialManager()).isValid(any(CredentialInput[].class));
        assertFalse(assertion().check(user.model, key, answer), "the challenge is spent");
    }
}
