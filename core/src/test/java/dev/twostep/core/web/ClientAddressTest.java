package dev.twostep.core.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** What a per-address limit counts. */
class ClientAddressTest {
    @Test
    void anIpv4AddressCountsAlone() {
        assertEquals("203.0.113.7", ClientAddress.limitKey("203.0.113.7"));
        assertNotEquals(ClientAddress.limitKey("203.0.113.7"), ClientAddress.limitKey("203.0.113.8"));
    }

    @Test
    void ipv6AddressesOfOneSlash64CountTogether() {
        String key = ClientAddress.limitKey("2001:db8:1:2::10");
        assertEquals("2001:db8:1:2::/64", key);
        assertEquals(key, ClientAddress.limitKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"));
        assertEquals(key, ClientAddress.limitKey("[2001:db8:1:2:abcd::1]"));
        assertEquals(key, ClientAddress.limitKey("2001:db8:1:2::1%eth0"));
        assertNotEquals(key, ClientAddress.limitKey("2001:db8:1:3::10"));
    }

    @Test
    void anIpv4MappedAddressIsItsIpv4Address() {
        assertEquals("198.51.100.4", ClientAddress.limitKey("::ffff:198.51.100.4"));
    }

    @Test
    void somethingElseIsCountedAsItIsAndNeverLookedUp() {
        assertEquals("proxy.example", ClientAddress.limitKey("proxy.example"));
        assertEquals("unknown", ClientAddress.limitKey(null));
        assertEquals("unknown", ClientAddress.limitKey(" "));
    }
}
