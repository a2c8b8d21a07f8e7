package dev.twostep.core.method;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.util.JsonSerialization;

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
        AppBinding binding = new AppBinding(new Data(otpCredentialId));
        binding.setType(TYPE);
        binding.setCreatedDate(Time.currentTimeMillis());
        binding.setUserLabel("Authenticator app binding");
        try {
            binding.setCredentialData(JsonSerialization.writeValueAsString(binding.data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        binding.setSecretData("{}");
        return binding;
    }

    public static AppBinding from(CredentialModel stored) {
        try {
            return StoredFields.copy(stored, new AppBinding(JsonSerialization.readValue(stored.getCredentialData(), Data.class)));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + TYPE + " credential " + stored.getId(), e);
        }
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
