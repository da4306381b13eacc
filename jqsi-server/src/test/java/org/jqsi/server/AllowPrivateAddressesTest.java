package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.CommandLineTest.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that fetch a URL refuse one that leads to this machine or its network, say which address and why in
 * the run's language, and fetch it when the operator says {@code --allow-private-addresses}. The feeds are served on
 * 127.0.0.1, the very kind of address refused.
 */
class AllowPrivateAddressesTest {

    @TempDir
    Path dir;

    private MisbehavingServer partner;

    @BeforeEach
    void start() throws Exception {
        partner = new MisbehavingServer().body(CommandLineTest.PARTNER_FEED, "text/calendar; charset=UTF-8");
    }

    @AfterEach
    void stop() throws Exception {
        partner.close();
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + partner.uri(path).getPort() + path;
    }

    private Path program() throws Exception {
        Path file = dir.resolve("programme.json");
        ProgramWriter.forFiles().write(SampleProgram.data(), file);
        return file;
    }

    private static Run importIcs(String feed, Path into, String... more) {
        List<String> args = new ArrayList<>(List.of("import-ics", "--edition", "jqsi-2021", "--partner",
                "cs3r", "--region", "04", feed, "--into", into.toString()));
        args.addAll(List.of(more));
        return CommandLineTest.jqsi(args.toArray(String[]::new));
    }

    @Test
    void importIcsRefusesAFeedOnTheLoopbackInterfaceInEitherLanguageAndLeavesTheFileAsItWas() throws Exception {
        Path program = program();
        byte[] before = Files.readAllBytes(program);
        String feed = url("127.0.0.1", "/x.ics");

        Run french = importIcs(feed, program);
        Run english = importIcs(feed, program, "--lang", "en");

        assertThat(french.status()).isEqualTo(1);
        assertThat(french.out()).isEmpty();
        assertThat(french.err()).isEqualTo("jqsi import-ics : " + feed + " : adresse 127.0.0.1 refusée (boucle "
                + "locale) ; --allow-private-addresses l'autorise" + System.lineSeparator());
        assertThat(english.status()).isEqualTo(1);
        assertThat(english.err()).isEqualTo("jqsi import-ics: " + feed + ": address 127.0.0.1 refused (loopback); "
                + "--allow-private-addresses allows it" + System.lineSeparator());
        assertThat(Files.readAllBytes(program)).isEqualTo(before);
        assertThat(partner.requests()).isZero();
    }

    @Test
    void importIcsRefusesTheOddSpellingsOfTheLoopbackAddress() throws Exception {
        Path program = program();
        for (String host : List.of("2130706433", "0x7f.1", "017700000001", "127.1", "[::ffff:127.0.0.1]")) {
            Run run = importIcs(url(host, "/x.ics"), program, "--lang", "en");
            assertThat(run.status()).as(host).isEqualTo(1);
            assertThat(run.err()).as(host).contains(": address 127.0.0.1 refused (loopback); "
                    + "--allow-private-addresses allows it");
        }
        assertThat(partner.requests()).isZero();
    }

    @Test
    void importIcsFetchesTheFeedWhenPrivateAddressesAreAllowed() throws Exception {
        Path program = program();

        Run run = importIcs(url("127.0.0.1", "/x.ics"), program, "--lang", "en", "--allow-private-addresses");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("2 added, 0 changed, 0 unchanged");
        assertThat(partner.requests()).isEqualTo(1);
    }

    @Test
    void serveRefusesAProgramUrlOnTheLoopbackInterfaceAndSaysHowToAllowIt() {
        String programUrl = url("127.0.0.1", "/program.json");

        Run run = CommandLineTest.jqsi("serve", "--lang", "en", "--host", "127.0.0.1", "--port", "0", "--program",
                programUrl);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("URL " + programUrl + " cannot be served", "the program could not be "
                + "downloaded (address 127.0.0.1 refused (loopback); --allow-private-addresses allows it)");
        assertThat(partner.requests()).isZero();
    }

    @Test
    void theOptionIsInTheHelpOfEachCommandThatFetches() {
        assertThat(CommandLineTest.jqsi("import-ics", "--help").out()).contains("--allow-private-addresses");
        assertThat(CommandLineTest.jqsi("serve", "--help").out()).contains("--allow-private-addresses");
    }
}
