package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.twostep.it.support.AdminApi;
import dev.twostep.it.support.FormBrowser;
import dev.twostep.it.support.FormBrowser.Page;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;
import dev.twostep.it.support.SourceAddressRelay;

/**
 * The per-address enrollment limit counts the address Keycloak resolves. The suite's server believes
 * forwarding headers from its loopback proxy only ({@link SharedKeycloak#PROXY_OPTIONS}): a client that
 * forges them from elsewhere is counted by its own address, and a trusted proxy's IPv6 clients count per /64.
 */
@ExtendWith(SharedKeycloak.class)
class ProxyAddressIT {
    private static final String LIMITED = "Too many codes";
    private AdminApi admin;
    private Map<String, String> before;

    @BeforeEach
    void twoEnrollmentSendsPerAddress() {
        admin = new AdminApi(SharedKeycloak.server());
        before = admin.changePolicy(Map.of("sendsPerIpPerHour", "2"));
    }

    @AfterEach
    void restore() {
        admin.changePolicy(before);
    }

    @Test
    void forgedForwardingHeadersFromAnUntrustedPeerGainNothing() throws IOException {
        try (SourceAddressRelay relay = new SourceAddressRelay("127.0.0.2", SharedKeycloak.server().port())) {
            for (int attempt = 1; attempt <= 3; attempt++) {
                Page answer = enrollmentSend(relay.baseUrl(), "198.51.100." + attempt);
                if (attempt <= 2) {
                    assertEquals("two-step-enroll-phone-code", answer.template(), "send " + attempt + " goes out");
                } else {
                    assertEquals("two-step-enroll-phone", answer.template());
                    assertTrue(answer.body().contains(LIMITED), "a new forged address is still 127.0.0.2");
                }
            }
        }
    }

    @Test
    void aTrustedProxysIpv6ClientsCountPerSlash64() {
        // Site-local addresses: the realm asks an external address for https, which the test server has not.
        String network = "fec0:" + Integer.toHexString(new Random().nextInt(0xffff)) + ":77:";
        String base = SharedKeycloak.server().baseUrl();
        assertEquals("two-step-enroll-phone-code", enrollmentSend(base, network + "1::10").template());
        assertEquals("two-step-enroll-phone-code", enrollmentSend(base, network + "1::20").template());
        Page third = enrollmentSend(base, network + "1:ffff::30");
        assertTrue(third.body().contains(LIMITED), "a third address of the same /64 is over the limit");
        assertEquals("two-step-enroll-phone-code", enrollmentSend(base, network + "2::10").template(),
                "the next /64 is another subscriber");
    }

    /** A new seller signs in over {@code base} with a forwarded address and asks for an enrollment code. */
    private static Page enrollmentSend(String base, String forwardedFor) {
        try (Seller seller = new Seller()) {
            FormBrowser browser = new FormBrowser(List.of(base)).header("X-Forwarded-For", forwardedFor);
            Page start = browser.signInWithPassword(base, seller.username, Seller.PASSWORD, null);
            assertEquals("two-step-enroll-start", start.template(), start.body());
            Page method = browser.submit(start, "two-step-start-form", base, Map.of("action", "start"));
            assertEquals("two-step-enroll-method", method.template(), method.body());
            Page phone = browser.submit(method, "two-step-method-form", base, Map.of("action", "choose", "method", "phone"));
            return browser.submit(phone, "two-step-phone-form", base,
                    Map.of("action", "send", "channel", "sms", "country", "IT", "number", seller.phone));
        }
    }
}
