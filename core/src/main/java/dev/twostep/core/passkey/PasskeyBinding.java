package dev.twostep.core.passkey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;
import org.keycloak.util.JsonSerialization;

import dev.twostep.core.StoredFields;
import dev.twostep.core.kind.MethodRole;

/**
 * Names a Keycloak {@code webauthn} credential that our enrollment or settings registered, and the role it
 * plays: credential type {@value #TYPE}. A passkey added any other way (Keycloak's own security-key set-up)
 * is bound to nothing and never counts as a 2SV method of ours, as with the authenticator app.
 */
public final class PasskeyBinding extends CredentialModel {
    public static final String TYPE = "two-step-passkey";
    /** The Keycloak credential type our passkeys are: the second-factor WebAuthn one, with its realm policy. */
    public static final String WEBAUTHN_TYPE = WebAuthnCredentialModel.TYPE_TWOFACTOR;

    /** The stored data: which {@code webauthn} credential, in which role, holding its key where. */
    public record Data(String webauthnCredentialId, MethodRole role, KeyStorage storage) {
        @JsonCreator
        public Data(@JsonProperty("webauthnCredentialId") String webauthnCredentialId,
                    @JsonProperty("role") MethodRole role, @JsonProperty("storage") KeyStorage storage) {
            this.webauthnCredentialId = webauthnCredentialId;
            this.role = role;
            this.storage = storage == null ? KeyStorage.SOFTWARE : storage;
        }
    }

    /** A bound passkey: its binding's data and the {@code webauthn} credential it names. */
    public record Bound(Data binding, CredentialModel webauthn) {
    }

    private final Data data;

    private PasskeyBinding(Data data) {
        this.data = data;
    }

    public static PasskeyBinding of(String webauthnCredentialId, MethodRole role, KeyStorage storage) {
        PasskeyBinding binding = new PasskeyBinding(new Data(webauthnCredentialId, role, storage));
        binding.setType(TYPE);
        binding.setCreatedDate(Time.currentTimeMillis());
        binding.setUserLabel("Passkey binding (" + role.id() + ")");
        try {
            binding.setCredentialData(JsonSerialization.writeValueAsString(binding.data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        binding.setSecretData("{}");
        return binding;
    }

    public static PasskeyBinding from(CredentialModel stored) {
        try {
            return StoredFields.copy(stored, new PasskeyBinding(JsonSerialization.readValue(stored.getCredentialData(), Data.class)));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + TYPE + " credential " + stored.getId(), e);
        }
    }

    public Data data() {
        return data;
    }

    /** This binding with the other role, for swapping primary and backup. */
    public PasskeyBinding withRole(MethodRole role) {
        PasskeyBinding moved = of(data.webauthnCredentialId(), role, data.storage());
        moved.setId(getId());
        moved.setCreatedDate(getCreatedDate());
        return moved;
    }

    /** Among a user's stored credentials, each {@code webauthn} credential a binding names, with its binding. */
    public static List<Bound> bound(Collection<CredentialModel> stored) {
        Map<String, CredentialModel> webauthn = stored.stream()
                .filter(credential -> WEBAUTHN_TYPE.equals(credential.getType()))
                .collect(Collectors.toMap(CredentialModel::getId, Function.identity()));
        return stored.stream().filter(credential -> TYPE.equals(credential.getType()))
                .map(credential -> from(credential).data())
                .filter(binding -> webauthn.containsKey(binding.webauthnCredentialId()))
                .map(binding -> new Bound(binding, webauthn.get(binding.webauthnCredentialId())))
                .toList();
    }
}
