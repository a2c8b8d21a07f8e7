package dev.twostep.core.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import dev.twostep.core.web.RealmCookie;

/**
 * The browsers an account signed in from lately, to tell a seller of a sign-in from one it has not used
 * before. Each browser carries a random id in a cookie; the account keeps a hash of the id and the day it
 * was last seen (user attribute {@value #ATTRIBUTE}, the newest {@value #KEPT}), never the id itself.
 */
public final class KnownBrowsers {
    public static final String COOKIE = "TWO_STEP_BROWSER";
    public static final String ATTRIBUTE = "two-step-browsers";
    static final int KEPT = 10;
    private static final Duration COOKIE_LIFETIME = Duration.ofDays(400);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;

    public KnownBrowsers(KeycloakSession session) {
        this.session = session;
    }

    /**
     * Records that {@code user} signed in from this browser today, and says whether that is news: the
     * browser was not seen within {@code window}. An account with no record yet (enrolled before this was
     * kept) learns its first browser silently, so a server upgrade does not mail every seller.
     */
    public boolean signedInFromNewBrowser(RealmModel realm, UserModel user, Duration window) {
        RealmCookie cookie = new RealmCookie(session, COOKIE);
        String id = cookie.value().filter(value -> ID.matcher(value).matches()).orElse(null);
        if (id == null) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            cookie.set(realm, id, COOKIE_LIFETIME);
        }
        String hash = hash(id);
        long today = Time.currentTime() / 86_400L;
        List<String[]> seen = new ArrayList<>();
        user.getAttributeStream(ATTRIBUTE).map(entry -> entry.split(":", 2))
                .filter(parts -> parts.length == 2 && parts[1].matches("\\d{1,9}")).forEach(seen::add);
        boolean firstRecord = seen.isEmpty();
        String[] mine = seen.stream().filter(parts -> parts[0].equals(hash)).findFirst().orElse(null);
        boolean known = mine != null && Long.parseLong(mine[1]) >= today - window.toDays();
        if (mine == null || Long.parseLong(mine[1]) != today) {
            seen.remove(mine);
            seen.add(new String[] {hash, Long.toString(today)});
            seen.sort(Comparator.comparingLong((String[] parts) -> Long.parseLong(parts[1])).reversed());
            user.setAttribute(ATTRIBUTE, seen.stream().limit(KEPT).map(parts -> parts[0] + ":" + parts[1]).toList());
        }
        return !known && !firstRecord;
    }

    private static String hash(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
