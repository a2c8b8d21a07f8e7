package dev.twostep.core;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;

/** Which required actions a realm has switched on: ours decide what the realm is ours for. */
public final class RealmActions {
    private RealmActions() {
    }

    /** A realm that sends its users without 2SV to our enrollment: the realms our listeners speak for. */
    public static boolean enrolls(RealmModel realm) {
        return enabled(realm, RequiredActionIds.ENROLL);
    }

    public static boolean enabled(RealmModel realm, String alias) {
        RequiredActionProviderModel action = realm.getRequiredActionProviderByAlias(alias);
        return action != null && action.isEnabled();
    }
}
