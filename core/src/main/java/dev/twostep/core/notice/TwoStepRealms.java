package dev.twostep.core.notice;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;

import dev.twostep.core.RequiredActionIds;

/** The realms our global listeners speak for: those that send their users to our enrollment. */
final class TwoStepRealms {
    private TwoStepRealms() {
    }

    static boolean uses(RealmModel realm) {
        RequiredActionProviderModel enroll = realm.getRequiredActionProviderByAlias(RequiredActionIds.ENROLL);
        return enroll != null && enroll.isEnabled();
    }
}
