package dev.twostep.enroll;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.method.AppBinding;
import dev.twostep.core.method.UserMethods;
import dev.twostep.core.passkey.PasskeyBinding;
import dev.twostep.core.passkey.StagedPasskey;
import dev.twostep.core.phone.PhoneCredentialModel;
import dev.twostep.core.phone.PhoneNumbers;

/**
 * Stores a finished enrollment on the user in one go: both methods replace whatever incomplete 2SV the
 * user had, so the user goes from "no 2SV" to "2SV on" with nothing in between.
 */
final class EnrollmentCommit {
    static final String APP_LABEL = "Authenticator app";
    static final String PASSKEY_LABEL = "Passkey";

    private static final Set<String> APP_TYPES = Set.of(OTPCredentialModel.TYPE, AppBinding.TYPE);

    private final PhoneNumbers numbers = new PhoneNumbers();

    private static void removeAll(UserModel user, String type) {
        user.credentialManager().getStoredCredentialsByTypeStream(type).map(CredentialModel::getId).toList()
                .forEach(id -> user.credentialManager().removeStoredCredentialById(id));
    }

    void store(RealmModel realm, UserModel user, ChosenMethod primary, ChosenMethod backup, EventBuilder event) {
        removePasskeys(user, role -> true);
        for (String type : List.of(PhoneCredentialModel.TYPE, OTPCredentialModel.TYPE, AppBinding.TYPE)) {
            removeAll(user, type);
        }
        store(realm, user, MethodRole.PRIMARY, primary, event);
        store(realm, user, MethodRole.BACKUP, backup, event);
    }

    /**
     * Replaces the method in {@code role} by {@code method}, leaving the other role as it is: the old method
     * goes only now that the new one is proven, so the seller is never without one.
     */
    void replace(RealmModel realm, UserModel user, MethodRole role, ChosenMethod method, EventBuilder event) {
        Optional<UserMethods.Method> current = UserMethods.of(user).inRole(role);
        if (current.map(UserMethods.Method::isPasskey).orElse(false)) {
            removePasskeys(user, bound -> bound == role);
            store(realm, user, role, method, event.clone().detail("two_step_change", role.id() + "-changed"));
            return;
        }
        boolean appInRole = current.map(UserMethods.Method::isApp).orElse(false);
        List<String> old = user.credentialManager().getStoredCredentialsStream()
                .filter(stored -> appInRole ? APP_TYPES.contains(stored.getType())
                        : PhoneCredentialModel.TYPE.equals(stored.getType())
                        && PhoneCredentialModel.from(stored).data().role() == role)
                .map(CredentialModel::getId).toList();
        old.forEach(id -> user.credentialManager().removeStoredCredentialById(id));
        store(realm, user, role, method, event.clone().detail("two_step_change", role.id() + "-changed"));
    }

    private static void storePasskey(UserModel user, MethodRole role, StagedPasskey passkey, EventBuilder event) {
        CredentialModel model = new CredentialModel();
        model.setType(PasskeyBinding.WEBAUTHN_TYPE);
        model.setUserLabel(DistinctLabel.of(user, PasskeyBinding.WEBAUTHN_TYPE, passkey.label()));
        model.setCredentialData(passkey.credentialData());
        model.setSecretData(passkey.secretData());
        model.setCreatedDate(Time.currentTimeMillis());
        CredentialModel created = user.credentialManager().createStoredCredential(model);
        user.credentialManager().createStoredCredential(PasskeyBinding.of(created.getId(), role, passkey.storage()));
        event.clone().event(EventType.UPDATE_CREDENTIAL)
                .detail("credential_type", PasskeyBinding.WEBAUTHN_TYPE)
                .detail("two_step_role", role.id())
                .detail("two_step_passkey", created.getUserLabel())
                .success();
    }

    /**
     * Our passkeys in the roles {@code which} accepts, with their bindings, and any binding that binds nothing
     * (unreadable, no role); other security keys stay.
     */
    private static void removePasskeys(UserModel user, Predicate<MethodRole> which) {
        List<CredentialModel> stored = user.credentialManager().getStoredCredentialsStream().toList();
        Set<String> webauthn = PasskeyBinding.bound(stored).stream().filter(bound -> which.test(bound.binding().role()))
                .map(bound -> bound.webauthn().getId()).collect(Collectors.toSet());
        stored.stream().filter(credential -> PasskeyBinding.TYPE.equals(credential.getType()))
                .filter(credential -> PasskeyBinding.readable(credential)
                        .map(data -> webauthn.contains(data.webauthnCredentialId()) || which.test(data.role()))
                        .orElse(true))
                .map(CredentialModel::getId).toList()
                .forEach(id -> user.credentialManager().removeStoredCredentialById(id));
        webauthn.forEach(id -> user.credentialManager().removeStoredCredentialById(id));
    }

    private void store(RealmModel realm, UserModel user, MethodRole role, ChosenMethod method, EventBuilder event) {
        if (method.isPasskey()) {
            storePasskey(user, role, method.passkey(), event);
            return;
        }
        CredentialModel model;
        if (method.isApp()) {
            model = OTPCredentialModel.createFromPolicy(realm, method.otpSecret(), APP_LABEL);
            model.setCreatedDate(Time.currentTimeMillis());
        } else {
            model = PhoneCredentialModel.create(method.number(), method.channel(), method.verified(), role);
            model.setUserLabel(DistinctLabel.of(user, PhoneCredentialModel.TYPE, model.getUserLabel()));
        }
        CredentialModel created = user.credentialManager().createStoredCredential(model);
        if (method.isApp()) {
            // Only this app counts from now on: an otp credential added any other way is bound to nothing.
            // A binding left by an app deleted elsewhere (the Account Console) goes first.
            removeAll(user, AppBinding.TYPE);
            user.credentialManager().createStoredCredential(AppBinding.of(created.getId()));
        }
        EventBuilder credentialEvent = event.clone().event(EventType.UPDATE_CREDENTIAL)
                .detail("credential_type", model.getType())
                .detail("two_step_role", role.id());
        if (!method.isApp()) {
            credentialEvent.detail("two_step_phone", numbers.mask(method.number()))
                    .detail("two_step_channel", method.channel().id())
                    .detail("two_step_verified", Boolean.toString(method.verified()));
        }
        credentialEvent.success();
    }
}
