package dev.twostep.core.phone;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

import dev.twostep.core.StoredFields;
import dev.twostep.core.kind.Channel;
import dev.twostep.core.kind.MethodRole;

/** A phone that receives codes by SMS or voice: credential type {@value #TYPE}. It holds no secret. */
public final class PhoneCredentialModel extends CredentialModel {
    public static final String TYPE = "two-step-phone";

    private final PhoneCredentialData data;

    private PhoneCredentialModel(PhoneCredentialData data) {
        this.data = data;
    }

    public static PhoneCredentialModel create(String e164, Channel channel, boolean verified, MethodRole role) {
        PhoneCredentialModel model = new PhoneCredentialModel(new PhoneCredentialData(e164, channel, verified, role));
        model.setType(TYPE);
        model.setCreatedDate(Time.currentTimeMillis());
        model.setUserLabel(new PhoneNumbers().mask(e164));
        try {
            model.setCredentialData(JsonSerialization.writeValueAsString(model.data));
            model.setSecretData("{}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return model;
    }

    public static PhoneCredentialModel from(CredentialModel stored) {
        try {
            PhoneCredentialData data = JsonSerialization.readValue(stored.getCredentialData(), PhoneCredentialData.class);
            return StoredFields.copy(stored, new PhoneCredentialModel(data));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable two-step-phone credential " + stored.getId(), e);
        }
    }

    /** This stored phone in another role, keeping its id, label and creation date. */
    public PhoneCredentialModel withRole(MethodRole role) {
        return sameRecord(create(data.number(), data.channel(), data.verified(), role));
    }

    /** This stored phone, now proven by a code that reached it. */
    public PhoneCredentialModel verified() {
        return sameRecord(create(data.number(), data.channel(), true, data.role()));
    }

    private PhoneCredentialModel sameRecord(PhoneCredentialModel changed) {
        changed.setId(getId());
        changed.setUserLabel(getUserLabel());
        changed.setCreatedDate(getCreatedDate());
        return changed;
    }

    public PhoneCredentialData data() {
        return data;
    }
}
