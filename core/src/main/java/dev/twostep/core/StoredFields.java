package dev.twostep.core;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/** Copies what Keycloak stored for a credential onto our typed model of it, and fills a new one. */
public final class StoredFields {
    private StoredFields() {
    }

    public static <T extends CredentialModel> T copy(CredentialModel stored, T model) {
        model.setId(stored.getId());
        model.setType(stored.getType());
        model.setUserLabel(stored.getUserLabel());
        model.setCreatedDate(stored.getCreatedDate());
        model.setCredentialData(stored.getCredentialData());
        model.setSecretData(stored.getSecretData());
        return model;
    }

    /** A new credential of {@code type} created now, holding {@code data} as JSON and no secret (a binding). */
    public static <T extends CredentialModel> T fresh(T model, String type, String label, Object data) {
        model.setType(type);
        model.setCreatedDate(Time.currentTimeMillis());
        model.setUserLabel(label);
        try {
            model.setCredentialData(JsonSerialization.writeValueAsString(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        model.setSecretData("{}");
        return model;
    }

    /** The JSON data of a stored credential, read as {@code type}. */
    public static <D> D data(CredentialModel stored, Class<D> type) {
        try {
            return JsonSerialization.readValue(stored.getCredentialData(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + stored.getType() + " credential " + stored.getId(), e);
        }
    }
}
