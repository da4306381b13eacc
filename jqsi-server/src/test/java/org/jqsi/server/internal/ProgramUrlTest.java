package org.jqsi.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.fetch.AddressPolicy;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.MisbehavingServer;
import org.jqsi.server.MisbehavingServer.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A program URL whose server hangs, trickles, never ends or talks nonsense is cut off in bounded time. The servers
 * misbehave for as long as the test runs, so an error at all shows the bound worked; the timeout on each test only
 * catches one that never comes, even on a machine loaded far beyond its cores.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ProgramUrlTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private MisbehavingServer partner;

    @BeforeEach
    void start() throws Exception {
        partner = new MisbehavingServer();
    }

    @AfterEach
    void stop() throws Exception {
        partner.close();
    }

    private ProgramUrl url() {
        return new ProgramUrl(partner.uri("/program.json"), new ProgramReader(), TIMEOUT, AddressPolicy.ANY_ADDRESS);
    }

    @Test
    void readsAValidProgram() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ProgramWriter.forFiles().write(ProgramFileSource.sample().read(), out);
        partner.body(out.toString(java.nio.charset.StandardCharsets.UTF_8), "application/json");
        // A deadline no loaded machine reaches: a good answer is under test, not the deadline.
        assertThat(new ProgramUrl(partner.uri("/program.json"), new ProgramReader(), Duration.ofMinutes(5),
                AddressPolicy.ANY_ADDRESS).read().activities()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "SILENT, no complete answer within 1 s",
            "TRICKLE, no complete answer within 1 s",
            "ENDLESS, ",
            "GARBAGE_PROTOCOL, "})
    void aMisbehavingServerIsCutOffWithAClearError(Mode mode, String why) {
        partner.mode(mode);
        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class, () -> url().read());
        assertThat(e).as(mode.name()).isNotNull();
        String message = e.report().format(Language.EN);
        assertThat(message).contains(partner.uri("/program.json").toString());
        if (why != null) {
            assertThat(message).contains(why);
        }
        // And the check that a watcher makes says "nothing new", cut off by the same bounds.
        assertThat(url().hasChanged()).isFalse();
    }

    @Test
    void anEndlessBodyStopsAtTheSizeLimit() {
        partner.mode(Mode.ENDLESS);
        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class,
                () -> new ProgramUrl(partner.uri("/program.json"), new ProgramReader(), Duration.ofSeconds(30),
                        AddressPolicy.ANY_ADDRESS).read());
        assertThat(e.report().format(Language.EN)).contains("larger than 64 MiB");
        assertThat(e.report().format(Language.FR)).contains("n'a pas pu être téléchargé (plus de 64 Mio)");
    }

    @Test
    void garbageIsRefusedAsAProgramWithItsProblem() {
        partner.body("<html><body>502 Bad Gateway</body></html>", "text/html");
        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class, () -> url().read());
        assertThat(e).isNotNull();
        assertThat(e.report().hasErrors()).isTrue();
    }

    @Test
    void aProgramAtAnAddressTheRuleRefusesIsNeverAskedForAndTheRefusalSaysHowToAllowIt() {
        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class, () -> new ProgramUrl(
                partner.uri("/program.json"), new ProgramReader(), TIMEOUT,
                AddressPolicy.publicOnly("--allow-private-addresses")).read());
        assertThat(e.report().format(Language.FR)).contains("le programme n'a pas pu être téléchargé (adresse "
                + "127.0.0.1 refusée (boucle locale) ; --allow-private-addresses l'autorise)");
        assertThat(e.report().format(Language.EN)).contains("the program could not be downloaded (address 127.0.0.1 "
                + "refused (loopback); --allow-private-addresses allows it)");
        assertThat(partner.requests()).isZero();
    }
}
