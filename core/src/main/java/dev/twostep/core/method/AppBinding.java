package dev.twostep.core.method;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.credential.OTPCredentialModel;

import dev.twostep.core.StoredFields;

/**
 * Names the one authenticator app (a Keycloak {@code otp} credential) that our enrollment or settings bound
 * after a code from it: credential type {@value #TYPE}. Keycloak's own TOTP set-up, or anything else that
 * adds an {@code otp} credential, binds nothing, so such an app never counts as a 2SV method of ours.
 */
public final class AppBinding extends CredentialModel {
    public static final String TYPE = "two-step-app";

    /** The stored data: which {@code otp} credential is bound. */
    public record Data(String otpCredentialId) {
        @JsonCreator
        public Data(@JsonProperty("otpCredentialId") String otpCredentialId) {
            this.otpCredentialId = otpCredentialId;
        }
    }

    private final Data data;

    private AppBinding(Data data) {
        this.data = data;
    }

    public static AppBinding of(String otpCredentialId) {
        Data data = new Data(otpCredentialId);
        return StoredFields.fresh(new AppBinding(data), TYPE, "Authenticator app binding", data);
    }

    public static AppBinding from(CredentialModel stored) {
        return StoredFields.copy(stored, new AppBinding(StoredFields.data(stored, Data.class)));
    }

    public String otpCredentialId() {
        return data.otpCredentialId();
    }

    /** Among a user's stored credentials, the {@code otp} credential a binding names, if any. */
    public static Optional<CredentialModel> boundApp(Collection<CredentialModel> stored) {
        Set<String> bound = stored.stream().filter(credential -> TYPE.equals(credential.getType()))
                .map(credential -> from(credential).otpCredentialId()).collect(Collectors.toSet());
        return stored.stream().filter(credential -> OTPCredentialModel.TYPE.equals(credential.getType()))
                .filter(credential -> bound.contains(credential.getId())).findFirst();
    }
}
