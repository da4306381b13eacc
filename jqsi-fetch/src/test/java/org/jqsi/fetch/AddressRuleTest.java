package org.jqsi.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.inject.Guice;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.fetch.FetchException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every address form the rule refuses, as a URL someone could give: each is refused before any connection, with the
 * address and why in both languages, and how to allow it. Literal addresses only (and {@code localhost}, which the
 * machine resolves itself), so that no test needs DNS; nothing listens at most of them, and nothing is asked of any.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AddressRuleTest {

    private static final BoundedDownload PUBLIC_ONLY = new BoundedDownload(LocalizedText.of("le flux", "the feed"),
            Duration.ofSeconds(30), 1000, AddressPolicy.publicOnly("--allow-private-addresses"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://127.0.0.1/a.ics | 127.0.0.1 | loopback | boucle locale
            http://127.255.255.254:8080/ | 127.255.255.254 | loopback | boucle locale
            http://[::1]/ | ::1 | loopback | boucle locale
            http://2130706433/ | 127.0.0.1 | loopback | boucle locale
            http://0x7f.1/ | 127.0.0.1 | loopback | boucle locale
            http://017700000001/ | 127.0.0.1 | loopback | boucle locale
            http://127.1/ | 127.0.0.1 | loopback | boucle locale
            http://0177.0.0.1/ | 127.0.0.1 | loopback | boucle locale
            http://0x7f000001/ | 127.0.0.1 | loopback | boucle locale
            http://127.0.0.1./ | 127.0.0.1 | loopback | boucle locale
            http://user@127.0.0.1:8080/ | 127.0.0.1 | loopback | boucle locale
            https://127.0.0.1/ | 127.0.0.1 | loopback | boucle locale
            http://[::ffff:127.0.0.1]/ | 127.0.0.1 | loopback | boucle locale
            http://[::ffff:7f00:1]/ | 127.0.0.1 | loopback | boucle locale
            http://[::127.0.0.1]/ | ::7f00:1 (127.0.0.1) | loopback | boucle locale
            http://[::ffff:0:7f00:1]/ | ::ffff:0:7f00:1 (127.0.0.1) | loopback | boucle locale
            http://[2002:7f00:1::1]/ | 2002:7f00:1::1 (127.0.0.1) | loopback | boucle locale
            http://10.0.0.1/ | 10.0.0.1 | private network | réseau privé
            http://10.255.255.255/ | 10.255.255.255 | private network | réseau privé
            http://172.16.0.1/ | 172.16.0.1 | private network | réseau privé
            http://172.31.255.255/ | 172.31.255.255 | private network | réseau privé
            http://192.168.1.1/ | 192.168.1.1 | private network | réseau privé
            http://012.0.0.1/ | 10.0.0.1 | private network | réseau privé
            http://[fc00::1]/ | fc00::1 | private network | réseau privé
            http://[fd12:3456:789a::1]/ | fd12:3456:789a::1 | private network | réseau privé
            http://[fec0::1]/ | fec0::1 | private network | réseau privé
            http://[::ffff:10.0.0.1]/ | 10.0.0.1 | private network | réseau privé
            http://[64:ff9b::a00:1]/ | 64:ff9b::a00:1 (10.0.0.1) | private network | réseau privé
            http://[64:ff9b:1::1]/ | 64:ff9b:1::1 | private network | réseau privé
            http://169.254.169.254/latest/meta-data/ | 169.254.169.254 | link-local | lien local
            http://[fe80::1]/ | fe80::1 | link-local | lien local
            http://[fe80::1%25eth0]/ | fe80::1 | link-local | lien local
            http://[::ffff:169.254.169.254]/ | 169.254.169.254 | link-local | lien local
            http://224.0.0.1/ | 224.0.0.1 | multicast | multidiffusion
            http://239.255.255.250:1900/ | 239.255.255.250 | multicast | multidiffusion
            http://[ff02::1]/ | ff02::1 | multicast | multidiffusion
            http://0.0.0.0/ | 0.0.0.0 | unspecified | non spécifiée
            http://0/ | 0.0.0.0 | unspecified | non spécifiée
            http://[::]/ | :: | unspecified | non spécifiée
            http://0.1.2.3/ | 0.1.2.3 | this network, 0.0.0.0/8 | « ce réseau », 0.0.0.0/8
            http://100.64.0.1/ | 100.64.0.1 | carrier-grade NAT, 100.64.0.0/10 | NAT d'opérateur, 100.64.0.0/10
            http://100.127.1.2/ | 100.127.1.2 | carrier-grade NAT, 100.64.0.0/10 | NAT d'opérateur, 100.64.0.0/10
            http://255.255.255.255/ | 255.255.255.255 | broadcast | diffusion générale
            http://240.0.0.1/ | 240.0.0.1 | reserved, 240.0.0.0/4 | réservée, 240.0.0.0/4
            """)
    void everyFormOfANonPublicAddressIsRefusedAndSaysWhichAndWhy(String url, String address, String en, String fr) {
        FetchException e = catchThrowableOfType(FetchException.class, () -> PUBLIC_ONLY.get(URI.create(url), "*/*"));
        assertThat(e).as(url).isNotNull();
        assertThat(e.kind()).isEqualTo(Kind.ADDRESS_REFUSED);
        assertThat(e.url()).isEqualTo(URI.create(url));
        assertThat(e.describe().in(Language.EN)).isEqualTo(url + ": address " + address + " refused (" + en
                + "); --allow-private-addresses allows it");
        assertThat(e.describe().in(Language.FR)).isEqualTo(url + " : adresse " + address + " refusée (" + fr
                + ") ; --allow-private-addresses l'autorise");
        assertThat(e.getMessage()).isEqualTo(e.describe().in(Language.EN));
    }

    @Test
    void localhostIsRefusedByTheAddressItResolvesTo() {
        URI url = URI.create("http://localhost:8080/a.ics");
        FetchException e = catchThrowableOfType(FetchException.class, () -> PUBLIC_ONLY.get(url, "*/*"));
        assertThat(e.kind()).isEqualTo(Kind.ADDRESS_REFUSED);
        // 127.0.0.1 or ::1, whichever the machine gives first.
        assertThat(e.describe().in(Language.FR)).matches("http://localhost:8080/a\\.ics : adresse "
                + "(127\\.0\\.0\\.1|::1) refusée \\(boucle locale\\) ; --allow-private-addresses l'autorise");
    }

    @Test
    void withoutASwitchToNameTheRefusalSaysOnlyWhy() {
        FetchException e = catchThrowableOfType(FetchException.class, () -> new BoundedDownload(
                LocalizedText.of("le flux", "the feed"), Duration.ofSeconds(30), 1000, AddressPolicy.PUBLIC_ONLY)
                .get(URI.create("http://10.1.2.3/a.ics"), "*/*"));
        assertThat(e.describe().in(Language.FR)).isEqualTo("http://10.1.2.3/a.ics : adresse 10.1.2.3 refusée "
                + "(réseau privé)");
        assertThat(e.reason().in(Language.EN)).isEqualTo("address 10.1.2.3 refused (private network)");
    }

    @Test
    void aHostThatIsNeitherANameNorAnAddressIsSaidSo() {
        for (String url : new String[] {"http://1.2.3.4.5/", "http://256.1.1.1/", "http://a_b.example/"}) {
            FetchException e = catchThrowableOfType(FetchException.class,
                    () -> PUBLIC_ONLY.get(URI.create(url), "*/*"));
            assertThat(e.kind()).as(url).isEqualTo(Kind.UNREACHABLE);
            assertThat(e.describe().in(Language.FR)).as(url).startsWith(url + " : nom d'hôte illisible : ");
        }
    }

    @Test
    void allowedEveryAddressGoesEverywhere() throws Exception {
        // Nothing listens on this port of the loopback interface: the connection is refused, not the address.
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        for (String host : new String[] {"127.0.0.1", "2130706433"}) {
            URI url = URI.create("http://" + host + ":" + closed + "/a.ics");
            FetchException e = catchThrowableOfType(FetchException.class, () -> new BoundedDownload(
                    LocalizedText.of("le flux", "the feed"), Duration.ofMinutes(1), 1000, AddressPolicy.of(true,
                    "--allow-private-addresses")).get(url, "*/*"));
            assertThat(e.kind()).as(host).isEqualTo(Kind.UNREACHABLE);
        }
    }

    @Test
    void guiceBindsTheOperatorsPolicy() {
        AddressPolicy policy = AddressPolicy.publicOnly("\"allowPrivateAddress\": true");
        assertThat(Guice.createInjector(new JqsiFetchModule(policy)).getInstance(AddressPolicy.class))
                .isEqualTo(policy);
        assertThat(Guice.createInjector(new JqsiFetchModule()).getInstance(AddressPolicy.class))
                .isEqualTo(AddressPolicy.PUBLIC_ONLY);
    }
}
