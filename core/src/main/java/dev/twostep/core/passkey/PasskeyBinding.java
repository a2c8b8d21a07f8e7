package dev.twostep.core.passkey;

import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

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

    private static final Logger LOG = Logger.getLogger(PasskeyBinding.class);

    private final Data data;

    private PasskeyBinding(Data data) {
        this.data = data;
    }

    public static PasskeyBinding of(String webauthnCredentialId, MethodRole role, KeyStorage storage) {
        Data data = new Data(webauthnCredentialId, role, storage);
        // Keycloak refuses two credentials of one type with one label: the role tells the two apart.
        return StoredFields.fresh(new PasskeyBinding(data), TYPE, "Passkey binding (" + role.id() + ")", data);
    }

    public static PasskeyBinding from(CredentialModel stored) {
        return StoredFields.copy(stored, new PasskeyBinding(StoredFields.data(stored, Data.class)));
    }

    /** A binding an import or an edit left without its role or unreadable binds nothing (and is logged). */
    public static Optional<Data> readable(CredentialModel stored) {
        try {
            Data data = from(stored).data();
            if (data.role() != null && data.webauthnCredentialId() != null) {
                return Optional.of(data);
            }
        } catch (UncheckedIOException e) {
            // logged below
        }
        LOG.warnf("two-step: passkey binding %s is incomplete and binds no passkey", stored.getId());
        return Optional.empty();
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
                .flatMap(credential -> readable(credential).stream())
                .filter(binding -> webauthn.containsKey(binding.webauthnCredentialId()))
                .map(binding -> new Bound(binding, webauthn.get(binding.webauthnCredentialId())))
                .toList();
    }
}
