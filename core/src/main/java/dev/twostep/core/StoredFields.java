package dev.twostep.core;

import org.keycloak.credential.CredentialModel;

/** Copies what Keycloak stored for a credential onto our typed model of it. */
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
}
