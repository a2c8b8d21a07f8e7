package dev.twostep.core.notice;

import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import org.keycloak.models.RealmProvider;
import org.keycloak.models.RequiredActionProviderModel;

import dev.twostep.core.testing.StandInKeycloak;
import dev.twostep.core.testing.StandInUser;

/** What the listeners' tests share: realm "realm-1" uses our enrollment and holds {@code user}. */
final class EventSellerStandIn {
    static final String REALM_ID = "realm-1";

    private EventSellerStandIn() {
    }

    static void place(StandInKeycloak kc, StandInUser user, String email) {
        RealmProvider realms = mock(RealmProvider.class);
        lenient().when(realms.getRealm(REALM_ID)).thenReturn(kc.realm);
        lenient().when(kc.session.realms()).thenReturn(realms);
        lenient().when(kc.session.users().getUserById(kc.realm, user.id)).thenReturn(user.model);
        lenient().when(user.model.getEmail()).thenReturn(email);
        RequiredActionProviderModel enroll = new RequiredActionProviderModel();
        enroll.setEnabled(true);
        lenient().when(kc.realm.getRequiredActionProviderByAlias("two-step-enroll")).thenReturn(enroll);
    }
}
