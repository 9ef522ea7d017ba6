package io.siyu.growth.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTests {

    private static MockHttpServletRequest from(String remote, String... forwardedFor) {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        for (var header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesTheConnectionsOwnAddressCountsWhateverTheHeaderSays() {
        var addresses = new ClientAddresses(List.of());
        assertThat(addresses.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindATrustedProxyTheFirstUntrustedAddressFromTheRightIsTheClients() {
        var addresses = new ClientAddresses(List.of("10.0.0.0/8", " 192.168.1.5 "));
        assertThat(addresses.of(from("10.1.2.3", "198.51.100.1, 203.0.113.9, 192.168.1.5")))
                .as("a client's own entry before the real one is not believed")
                .isEqualTo("203.0.113.9");
        assertThat(addresses.of(from("10.1.2.3", "198.51.100.1", "10.9.9.9"))).isEqualTo("198.51.100.1");
        assertThat(addresses.of(from("10.1.2.3"))).as("no header").isEqualTo("10.1.2.3");
        assertThat(addresses.of(from("10.1.2.3", "example.com")))
                .as("not an address")
                .isEqualTo("10.1.2.3");
        assertThat(addresses.of(from("172.16.0.1", "198.51.100.1")))
                .as("not a trusted proxy")
                .isEqualTo("172.16.0.1");
        assertThat(addresses.of(from("10.1.2.3", "2001:db8::1"))).isEqualTo("2001:db8::1");
    }
}
