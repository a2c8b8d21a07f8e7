package dev.twostep.core.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The unit a per-address limit counts: the address Keycloak resolved for the request (behind a proxy, the
 * forwarded one, and only from the addresses in {@code proxy-trusted-addresses}), with an IPv6 address cut to
 * its /64. One IPv6 subscriber usually holds a whole /64, so counting single addresses would give a script
 * billions of fresh budgets.
 */
public final class ClientAddress {
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private ClientAddress() {
    }

    public static String limitKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        String address = remoteAddress.trim();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        // Only an IPv6 literal is parsed: InetAddress would look a name up in DNS.
        if (address.indexOf(':') < 0 || !IPV6_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (!(parsed instanceof Inet6Address)) {
                // An IPv4-mapped address (::ffff:a.b.c.d) is that IPv4 address.
                return parsed.getHostAddress();
            }
            byte[] bytes = parsed.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int group = 0; group < 4; group++) {
                int value = ((bytes[group * 2] & 0xff) << 8) | (bytes[group * 2 + 1] & 0xff);
                prefix.append(Integer.toHexString(value)).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
