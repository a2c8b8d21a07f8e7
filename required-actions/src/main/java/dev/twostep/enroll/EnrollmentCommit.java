package dev.twostep.enroll;

import java.util.List;
import java.util.Set;

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
import dev.twostep.core.phone.PhoneCredentialModel;
import dev.twostep.core.phone.PhoneNumbers;

/**
 * Stores a finished enrollment on the user in one go: both methods replace whatever incomplete 2SV the
 * user had, so the user goes from "no 2SV" to "2SV on" with nothing in between.
 */
final class EnrollmentCommit {
    static final String APP_LABEL = "Authenticator app";

    private static final Set<String> APP_TYPES = Set.of(OTPCredentialModel.TYPE, AppBinding.TYPE);

    private final PhoneNumbers numbers = new PhoneNumbers();

    private static void removeAll(UserModel user, String type) {
        user.credentialManager().getStoredCredentialsByTypeStream(type).map(CredentialModel::getId).toList()
                .forEach(id -> user.credentialManager().removeStoredCredentialById(id));
    }

    void store(RealmModel realm, UserModel user, ChosenMethod primary, ChosenMethod backup, EventBuilder event) {
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
        boolean appInRole = UserMethods.of(user).inRole(role).map(UserMethods.Method::isApp).orElse(false);
        List<String> old = user.credentialManager().getStoredCredentialsStream()
                .filter(stored -> appInRole ? APP_TYPES.contains(stored.getType())
                        : PhoneCredentialModel.TYPE.equals(stored.getType())
                        && PhoneCredentialModel.from(stored).data().role() == role)
                .map(CredentialModel::getId).toList();
        old.forEach(id -> user.credentialManager().removeStoredCredentialById(id));
        store(realm, user, role, method, event.clone().detail("two_step_change", role.id() + "-changed"));
    }

    /**
     * Keycloak refuses two credentials of one type with one label, and two numbers may end in the same four
     * digits: the second then says which role it has.
     */
    private static String distinctLabel(UserModel user, String label, MethodRole role) {
        boolean taken = user.credentialManager().getStoredCredentialsByTypeStream(PhoneCredentialModel.TYPE)
                .anyMatch(stored -> label.equals(stored.getUserLabel()));
        return taken ? label + " (" + role.id() + ")" : label;
    }

    private void store(RealmModel realm, UserModel user, MethodRole role, ChosenMethod method, EventBuilder event) {
        CredentialModel model;
        if (method.isApp()) {
            model = OTPCredentialModel.createFromPolicy(realm, method.otpSecret(), APP_LABEL);
            model.setCreatedDate(Time.currentTimeMillis());
        } else {
            model = PhoneCredentialModel.create(method.number(), method.channel(), method.verified(), role);
            model.setUserLabel(distinctLabel(user, model.getUserLabel(), role));
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
