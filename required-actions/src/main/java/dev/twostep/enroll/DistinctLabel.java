package dev.twostep.enroll;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.UserModel;

/**
 * A label no other credential of the user's of that type has: Keycloak refuses a second one that matches,
 * ignoring case and surrounding spaces ("YubiKey" and "yubikey "), which would fail the seller's last step
 * again at every try. Two phones ending in the same digits, or a passkey named like a key the seller added
 * elsewhere, get a number: "Blue key (2)".
 */
final class DistinctLabel {
    private DistinctLabel() {
    }

    static String of(UserModel user, String type, String label) {
        Set<String> taken = user.credentialManager().getStoredCredentialsByTypeStream(type)
                .map(stored -> stored.getUserLabel())
                .filter(stored -> stored != null)
                .map(DistinctLabel::normal)
                .collect(Collectors.toSet());
        String candidate = label;
        for (int n = 2; taken.contains(normal(candidate)); n++) {
            candidate = label + " (" + n + ")";
        }
        return candidate;
    }

    private static String normal(String label) {
        return label.trim().toLowerCase(Locale.ROOT);
    }
}
