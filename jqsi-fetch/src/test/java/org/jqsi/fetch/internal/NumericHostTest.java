package org.jqsi.fetch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The spellings of IPv4 addresses that inet_aton, browsers and curl read, and what is no address at all. */
class NumericHostTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "127.0.0.1, 127.0.0.1", "2130706433, 127.0.0.1", "0x7f.1, 127.0.0.1", "0X7F.1, 127.0.0.1",
            "017700000001, 127.0.0.1", "127.1, 127.0.0.1", "127.0.1, 127.0.0.1", "0177.0.0.1, 127.0.0.1",
            "0x7f000001, 127.0.0.1", "0x7f.0.0.0x1, 127.0.0.1", "127.0.0.1., 127.0.0.1",
            "0, 0.0.0.0", "0x, 0.0.0.0", "4294967295, 255.255.255.255", "012.1, 10.0.0.1",
            "08.8.8.8x, ", "08.8.8.8, ", "4294967296, ", "256.0.0.1, ", "1.2.3.4.5, ", "1..2, ", "1.2.3.256, ",
            "1.2.65536, ", "0x100000000, "})
    void readsEverySpellingAsInetAton(String host, String address) {
        assertThat(NumericHost.ipv4(host).map(InetAddress::getHostAddress).orElse(null)).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "2130706433", "a.0x1f", "example.0", "1.2.3.4.", "0x"})
    void aHostThatEndsInANumberIsMeantAsAnAddress(String host) {
        assertThat(NumericHost.endsInANumber(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "0x7g", "jqsi.example.", "::1", "::ffff:127.0.0.1", "1.2.3.a",
            "\u0661\u0662\u0667"})
    void aNameIsNot(String host) {
        assertThat(NumericHost.endsInANumber(host)).isFalse();
    }

    @Test
    void digitsOfOtherScriptsAreNoNumbers() {
        // Arabic-Indic 127: Character.digit reads them, resolvers do not.
        assertThat(NumericHost.ipv4("\u0661\u0662\u0667.0.0.1")).isEmpty();
    }
}
