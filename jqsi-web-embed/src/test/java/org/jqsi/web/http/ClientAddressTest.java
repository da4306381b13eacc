package org.jqsi.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void readsLiteralsOnlyAndNeverLooksANameUp() {
        assertThat(ClientAddress.parse("192.0.2.7")).isNotNull();
        assertThat(ClientAddress.parse("2001:db8::1")).isNotNull();
        assertThat(ClientAddress.parse("[2001:db8::1]")).isNotNull();
        assertThat(ClientAddress.parse("999.1.1.1")).isNull();
        assertThat(ClientAddress.parse("example.org")).isNull();
        assertThat(ClientAddress.parse("localhost")).isNull();
        assertThat(ClientAddress.parse("")).isNull();
    }

    @Test
    void parsesTheSameAddressTheSameWay() throws Exception {
        assertThat(ClientAddress.parse("2001:db8:0:0:0:0:0:1")).isEqualTo(InetAddress.getByName("2001:db8::1"));
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() throws Exception {
        assertThat(ClientAddress.name(InetAddress.getByName("2001:db8:1:2:3:4:5:6")))
                .isEqualTo(ClientAddress.name(InetAddress.getByName("2001:db8:1:2:ffff::1")))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.name(InetAddress.getByName("2001:db8:1:3::1"))).isEqualTo("2001:db8:1:3::/64");
        assertThat(ClientAddress.name(InetAddress.getByName("192.0.2.7"))).isEqualTo("192.0.2.7");
    }
}
