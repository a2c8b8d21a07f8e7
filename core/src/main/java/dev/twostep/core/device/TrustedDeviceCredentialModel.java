package dev.twostep.core.device;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

import dev.twostep.core.StoredFields;

/** One browser that may skip the code: credential type {@value #TYPE}, revocable one by one or all at once. */
public final class TrustedDeviceCredentialModel extends CredentialModel {
    public static final String TYPE = "two-step-trusted-device";

    private final TrustedDeviceData data;
    private final TrustedDeviceSecret secret;

    private TrustedDeviceCredentialModel(TrustedDeviceData data, TrustedDeviceSecret secret) {
        this.data = data;
        this.secret = secret;
    }

    public static TrustedDeviceCredentialModel create(TrustedDeviceData data, TrustedDeviceSecret secret, String label) {
        TrustedDeviceCredentialModel model = new TrustedDeviceCredentialModel(data, secret);
        model.setType(TYPE);
        model.setCreatedDate(data.trustedAt());
        model.setUserLabel(label);
        try {
            model.setCredentialData(JsonSerialization.writeValueAsString(data));
            model.setSecretData(JsonSerialization.writeValueAsString(secret));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return model;
    }

    public static TrustedDeviceCredentialModel from(CredentialModel stored) {
        try {
            TrustedDeviceCredentialModel model = new TrustedDeviceCredentialModel(
                    JsonSerialization.readValue(stored.getCredentialData(), TrustedDeviceData.class),
                    JsonSerialization.readValue(stored.getSecretData(), TrustedDeviceSecret.class));
            return StoredFields.copy(stored, model);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable trusted-device credential " + stored.getId(), e);
        }
    }

    public TrustedDeviceData data() {
        return data;
    }

    public TrustedDeviceSecret secret() {
        return secret;
    }
}
