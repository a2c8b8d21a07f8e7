package dev.twostep.core.notice;

import java.util.Set;

import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.OTPCredentialModel;

import dev.twostep.core.passkey.PasskeyBinding;
import dev.twostep.core.phone.PhoneCredentialModel;

/**
 * A 2SV method removed outside our settings (Keycloak's own {@code delete_credential} action, which the
 * Account Console's "Remove" runs) tells the seller as a change in our settings does: someone with an open
 * session could otherwise take a method away unannounced. Our own removals carry {@code two_step_change}
 * and have sent their notice already.
 */
final class RemovedMethodNotice {
    static final Set<String> METHOD_TYPES = Set.of(OTPCredentialModel.TYPE, PasskeyBinding.WEBAUTHN_TYPE,
            PhoneCredentialModel.TYPE);

    private final KeycloakSession session;

    RemovedMethodNotice(KeycloakSession session) {
        this.session = session;
    }

    void onEvent(Event event) {
        if (event.getType() != EventType.REMOVE_CREDENTIAL || event.getUserId() == null || event.getDetails() == null
                || event.getDetails().containsKey("two_step_change")
                || !METHOD_TYPES.contains(event.getDetails().get(Details.CREDENTIAL_TYPE))) {
            return;
        }
        EventSeller.of(session, event).ifPresent(seller ->
                new ChangeNotice(session).send(seller.realm(), seller.user(), ChangeNotice.Change.METHOD_CHANGED));
    }
}
