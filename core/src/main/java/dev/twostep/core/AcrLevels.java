package dev.twostep.core;

import java.util.Map;

import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.utils.AcrUtils;

/**
 * The levels of authentication the sign-in step reports (Keycloak's {@code acr}; the realm's
 * {@code acr.loa.map} names them, {@code two-step} and {@code trusted-device} in the shipped realm). Here
 * because the sign-in sets them and other modules (the recovery reviewers' API) check tokens for them.
 */
public final class AcrLevels {
    /** Password plus a trusted browser. */
    public static final int TRUSTED_DEVICE = 1;
    /** Password plus a code (or enrollment, which verifies codes). */
    public static final int CODE = 2;

    private AcrLevels() {
    }

    /** True when a token's {@code acr} stands for a sign-in with a code in {@code realm}. */
    public static boolean afterCode(RealmModel realm, String acr) {
        if (acr == null) {
            return false;
        }
        Map<String, Integer> names = AcrUtils.getAcrLoaMap(realm);
        Integer level = names.get(acr);
        if (level == null && acr.matches("\\d{1,3}")) {
            level = Integer.valueOf(acr);
        }
        return level != null && level >= CODE;
    }
}
