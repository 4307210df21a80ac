package org.haochaping.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Whose address a request carries: X-Forwarded-For is believed only as far as trusted proxies wrote it. */
class ClientAddressesTest {

    private static ClientAddresses trusting(String... proxies) {
        return new ClientAddresses(new ChannelSettings(null, null, null, null, null, null, null, null, null, null,
                null, null, proxies.length == 0 ? null : List.of(proxies)));
    }

    private static MockHttpServletRequest from(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void aClientConnectingDirectlyIsItsOwnAddressAndItsForwardedHeaderIsIgnored() {
        ClientAddresses addresses = trusting();
        assertThat(addresses.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo(new ClientAddresses.Client("203.0.113.7", true));
    }

    @Test
    void behindTrustedProxiesTheFirstUntrustedHopFromTheRightIsTheClient() {
        ClientAddresses addresses = trusting("127.0.0.1", "10.0.0.0/8");
        assertThat(addresses.of(from("10.1.2.3", "198.51.100.9, 203.0.113.7, 10.0.0.5")))
                .as("the left-most entries were written by the client and are not believed")
                .isEqualTo(new ClientAddresses.Client("203.0.113.7", true));
        assertThat(addresses.of(from("127.0.0.1", "2001:db8::1"))).isEqualTo(new ClientAddresses.Client("2001:db8::1", true));
    }

    @Test
    void aRequestThatOnlyTrustedProxiesTouchedIsAttributedToNoClient() {
        ClientAddresses addresses = trusting();
        assertThat(addresses.of(from("127.0.0.1", null))).isEqualTo(new ClientAddresses.Client("127.0.0.1", false));
        assertThat(addresses.of(from("127.0.0.1", "::1"))).isEqualTo(new ClientAddresses.Client("::1", false));
        assertThat(addresses.of(from("127.0.0.1", "evil.example, 127.0.0.1")).attributed())
                .as("a host name is never resolved nor believed").isFalse();
    }
}
