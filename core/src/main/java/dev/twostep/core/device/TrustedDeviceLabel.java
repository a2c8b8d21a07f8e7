package dev.twostep.core.device;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The name a trusted browser gets among the user's credentials, e.g. "Chrome on Linux, 2026-11-24 15:05 UTC
 * (3fa1)": enough for a seller or an admin to tell devices apart, and unique, as Keycloak requires of the
 * labels of one user's credentials.
 */
public final class TrustedDeviceLabel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private TrustedDeviceLabel() {
    }

    public static String of(String userAgent, Instant when, RandomGenerator random) {
        byte[] tag = new byte[2];
        random.nextBytes(tag);
        return describe(userAgent) + ", " + when(when) + " (" + HexFormat.of().formatHex(tag) + ")";
    }

    /** "Chrome on Linux": what a seller recognises of a browser, from its User-Agent. */
    public static String describe(String userAgent) {
        String agent = userAgent == null ? "" : userAgent;
        return browserName(agent).orElse("A browser") + " on " + systemName(agent).orElse("an unknown system");
    }

    /** The browser's name (the same in every language), if the User-Agent tells it. */
    public static java.util.Optional<String> browserName(String userAgent) {
        return java.util.Optional.ofNullable(browser(userAgent == null ? "" : userAgent));
    }

    /** The system's name (the same in every language), if the User-Agent tells it. */
    public static java.util.Optional<String> systemName(String userAgent) {
        return java.util.Optional.ofNullable(system(userAgent == null ? "" : userAgent));
    }

    /** The time as the labels and notices write it, in UTC. */
    public static String when(Instant when) {
        return WHEN.format(when);
    }

    private static String browser(String agent) {
        if (agent.contains("Edg/")) {
            return "Edge";
        }
        if (agent.contains("Firefox/")) {
            return "Firefox";
        }
        if (agent.contains("Chrome/") || agent.contains("Chromium/")) {
            return "Chrome";
        }
        if (agent.contains("Safari/")) {
            return "Safari";
        }
        return null;
    }

    private static String system(String agent) {
        if (agent.contains("Android")) {
            return "Android";
        }
        if (agent.contains("iPhone") || agent.contains("iPad")) {
            return "iOS";
        }
        if (agent.contains("Windows")) {
            return "Windows";
        }
        if (agent.contains("Mac OS X")) {
            return "macOS";
        }
        if (agent.contains("Linux")) {
            return "Linux";
        }
        return null;
    }
}
