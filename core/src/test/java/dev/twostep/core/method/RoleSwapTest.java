package dev.twostep.core.method;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

import dev.twostep.core.kind.Channel;
import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.passkey.KeyStorage;
import dev.twostep.core.passkey.PasskeyBinding;
import dev.twostep.core.phone.PhoneCredentialModel;
import dev.twostep.core.testing.StandInUser;

/** "Switch" moves each method to the other role, and a binding an import damaged does not stop it. */
class RoleSwapTest {
    @Test
    void thePhoneAndThePasskeyChangeRolesPastABindingWithoutARole() {
        StandInUser user = new StandInUser().phone("+393471234567", Channel.SMS, MethodRole.PRIMARY);
        CredentialModel webauthn = WebAuthnCredentialModel.create(PasskeyBinding.WEBAUTHN_TYPE, "Blue key",
                "00000000-0000-0000-0000-000000000000", "a2V5", null, "pk", 0, "none");
        user.store(webauthn);
        user.store(PasskeyBinding.of(webauthn.getId(), MethodRole.BACKUP, KeyStorage.SOFTWARE));
        CredentialModel roleless = new CredentialModel();
        roleless.setType(PasskeyBinding.TYPE);
        roleless.setCredentialData("{\"webauthnCredentialId\":\"elsewhere\"}");
        user.store(roleless);

        assertEquals(RoleSwap.Result.SWAPPED, new RoleSwap().swap(user.model));

        UserMethods after = UserMethods.of(user.model);
        assertEquals(true, after.inRole(MethodRole.PRIMARY).map(UserMethods.Method::isPasskey).orElse(false));
        CredentialModel phone = user.credentials.stream().filter(c -> PhoneCredentialModel.TYPE.equals(c.getType()))
                .findFirst().orElseThrow();
        assertEquals(MethodRole.BACKUP, PhoneCredentialModel.from(phone).data().role());
    }
}
