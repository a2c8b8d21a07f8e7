package dev.twostep.core.notice;

import java.util.Optional;

import org.keycloak.events.Event;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import dev.twostep.core.RealmActions;

/** The seller a Keycloak event is about, in a realm our listeners speak for (one with our enrollment). */
record EventSeller(RealmModel realm, UserModel user) {
    static Optional<EventSeller> of(KeycloakSession session, Event event) {
        RealmModel realm = event.getRealmId() == null ? null : session.realms().getRealm(event.getRealmId());
        if (realm == null || !RealmActions.enrolls(realm)) {
            return Optional.empty();
        }
        return Optional.ofNullable(session.users().getUserById(realm, event.getUserId()))
                .map(user -> new EventSeller(realm, user));
    }
}
