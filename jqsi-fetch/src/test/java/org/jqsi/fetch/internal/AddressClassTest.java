package org.jqsi.fetch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The blocks' edges: the last address inside each block and the first outside. */
class AddressClassTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "0.0.0.0, UNSPECIFIED", "0.255.255.255, THIS_NETWORK", "1.0.0.0, PUBLIC",
            "9.255.255.255, PUBLIC", "10.0.0.0, PRIVATE", "10.255.255.255, PRIVATE", "11.0.0.0, PUBLIC",
            "100.63.255.255, PUBLIC", "100.64.0.0, SHARED", "100.127.255.255, SHARED", "100.128.0.0, PUBLIC",
            "126.255.255.255, PUBLIC", "127.0.0.0, LOOPBACK", "127.255.255.255, LOOPBACK", "128.0.0.0, PUBLIC",
            "169.253.255.255, PUBLIC", "169.254.0.0, LINK_LOCAL", "169.254.255.255, LINK_LOCAL",
            "169.255.0.0, PUBLIC",
            "172.15.255.255, PUBLIC", "172.16.0.0, PRIVATE", "172.31.255.255, PRIVATE", "172.32.0.0, PUBLIC",
            "192.167.255.255, PUBLIC", "192.168.0.0, PRIVATE", "192.168.255.255, PRIVATE", "192.169.0.0, PUBLIC",
            "223.255.255.255, PUBLIC", "224.0.0.0, MULTICAST", "239.255.255.255, MULTICAST",
            "240.0.0.0, RESERVED", "255.255.255.254, RESERVED", "255.255.255.255, BROADCAST",
            "8.8.8.8, PUBLIC", "1.1.1.1, PUBLIC",
            "::, UNSPECIFIED", "::1, LOOPBACK", "::2, THIS_NETWORK",
            "2001:4860:4860::8888, PUBLIC", "2606:4700::1111, PUBLIC",
            "fbff:ffff::1, PUBLIC", "fc00::, PRIVATE", "fdff:ffff::1, PRIVATE",
            "fe7f:ffff::1, PUBLIC", "fe80::, LINK_LOCAL", "febf:ffff::1, LINK_LOCAL", "fec0::1, PRIVATE",
            "ff00::, MULTICAST", "ff02::1, MULTICAST",
            "::ffff:8.8.8.8, PUBLIC", "::8.8.8.8, PUBLIC", "::ffff:0:a00:1, PRIVATE",
            "64:ff9b::808:808, PUBLIC", "64:ff9b::a9fe:a9fe, LINK_LOCAL", "64:ff9b:1::808:808, PRIVATE",
            "2002:808:808::1, PUBLIC", "2002:c0a8:101::1, PRIVATE"})
    void eachAddressIsInItsBlock(String address, AddressClass expected) throws UnknownHostException {
        assertThat(AddressClass.of(InetAddress.getByName(address))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"::1, ::1", "::, ::", "fe80::1, fe80::1", "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1", "1:0:0:0:0:0:0:0, 1::", "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
            "1:0:3:4:5:6:7:8, 1:0:3:4:5:6:7:8", "10.0.0.1, 10.0.0.1"})
    void addressesAreWrittenInTheirShortestForm(String address, String written) throws UnknownHostException {
        assertThat(HostAddresses.written(InetAddress.getByName(address))).isEqualTo(written);
    }
}
