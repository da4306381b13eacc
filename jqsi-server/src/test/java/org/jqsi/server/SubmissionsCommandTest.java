package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Origin;
import org.jqsi.core.model.Region;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.core.submission.SubmissionState;
import org.jqsi.core.submission.Submitter;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.jdbc.Database;
import org.jqsi.jdbc.testing.TestDatabase;
import org.jqsi.jdbc.testing.TestDatabases;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.CommandLineTest.Run;
import org.jqsi.server.internal.sources.SampleSourceCopies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code jqsi submissions}, on both databases, while the test holds the database open as a running server would: the
 * embedded one is then reached by a second connection through its own server, PostgreSQL as usual.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class SubmissionsCommandTest {

    @Parameter
    TestDatabases.Kind kind;

    @TempDir
    Path directory;

    private TestDatabase fresh;
    private Database server;

    @BeforeEach
    void open() {
        fresh = TestDatabases.create(kind, directory);
        server = fresh.open();
    }

    @AfterEach
    void close() {
        // Neither is made when the test is skipped (no PostgreSQL here).
        if (server != null) {
            server.close();
        }
        if (fresh != null) {
            fresh.close();
        }
    }

    private Run jqsi(String... args) {
        List<String> line = new ArrayList<>(List.of(args));
        line.addAll(Proposed.options(fresh));
        return CommandLineTest.jqsiWith(Proposed.environment(fresh), line.toArray(String[]::new));
    }

    @Test
    void listsNewestFirstByStateAndRegion() throws Exception {
        assertThat(jqsi("submissions", "list").err()).contains("Aucune proposition à lister.");
        Submission mauricie = Proposed.submit(server.submissions(),
                Proposed.workshop("atelier-04", Region.MAURICIE, "cs3r"));
        Submission estrie = Proposed.submit(server.submissions(),
                Proposed.workshop("atelier-05", Region.ESTRIE, "aqoci"));

        Run all = jqsi("submissions", "list");
        assertThat(all.status()).isZero();
        assertThat(all.out().lines().toList()).as(all.out() + all.err()).hasSize(2);
        assertThat(all.out()).contains(mauricie.id() + "  en attente  04  2021-10-01 10:00  "
                + "Comité de solidarité/Trois-Rivières  Atelier « commerce équitable » à 04");
        Run inMauricie = jqsi("submissions", "list", "--region", "04", "--state", "pending", "--lang", "en");
        assertThat(inMauricie.out()).contains(mauricie.id() + "  pending  04").doesNotContain(estrie.id());
        assertThat(jqsi("submissions", "list", "--state", "approved").out()).isEmpty();
        assertThat(jqsi("submissions", "list", "--state", "accepted").status()).isEqualTo(2);
        assertThat(jqsi("submissions", "list", "--region", "99").status()).isEqualTo(2);
    }

    @Test
    void controlCharactersTheDatabaseHoldsArePrintedEscapedNeverRaw() throws Exception {
        // As a submission kept before the API refused them: the store takes what it is given.
        Activity hostile = Proposed.workshop("atelier-04", Region.MAURICIE, "cs3r").toBuilder()
                .title(LocalizedText.fr("Inoffensif\u001b[8m caché \u001b[0m\u202Etxt.exe")).build();
        Submission s = server.submissions().submit(Submission.Kind.NEW, null, hostile,
                new Submitter("Org\u001b]0;PWNED\u0007\u001b[2K\rFAKE\nligne", "a@b.org"), Proposed.AT).submission();
        server.submissions().act(s.id(), s.version(), SubmissionAction.REQUEST_CHANGES, "coord\u009b31m",
                // BEL, not NUL: PostgreSQL's text cannot hold U+0000 at all.
                "à revoir\u0007", null, Proposed.AT.plusSeconds(60));

        Run list = jqsi("submissions", "list");
        Run show = jqsi("submissions", "show", s.id(), "--lang", "en");

        assertThat(list.out()).contains("  Org\\u001B]0;PWNED\\u0007\\u001B[2K\\rFAKE\\nligne  "
                + "Inoffensif\\u001B[8m caché \\u001B[0m\\u202Etxt.exe");
        assertThat(list.out().lines()).hasSize(1);
        assertThat(show.out()).contains("Submitted by: Org\\u001B]0;PWNED\\u0007\\u001B[2K\\rFAKE\\nligne <a@b.org>")
                .contains("Activity: Inoffensif\\u001B[8m caché \\u001B[0m\\u202Etxt.exe (region 04")
                .contains("coord\\u009B31m").contains("« à revoir\\u0007 »");
        for (String printed : List.of(list.out(), list.err(), show.out(), show.err())) {
            assertThat(printed.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f
                    || c >= 0x202a && c <= 0x202e)).as(printed).isEmpty();
        }
    }

    @Test
    void approvingPublishesAndIsDoneOnce() throws Exception {
        Submission s = Proposed.submit(server.submissions(), Proposed.workshop("atelier-04", Region.MAURICIE, "cs3r"));

        Run approved = jqsi("submissions", "approve", s.id(), "--as", "coord@cs3r.org");
        assertThat(approved.status()).isZero();
        assertThat(approved.out()).contains("La proposition " + s.id() + " est maintenant « approuvée ».");
        assertThat(server.submissions().publication().activities()).singleElement()
                .satisfies(a -> assertThat(a.origin()).isEqualTo(Origin.submission(s.id())));
        assertThat(server.submissions().find(s.id()).orElseThrow().history()).last()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("coord@cs3r.org"));

        Run again = jqsi("submissions", "approve", s.id(), "--lang", "en");
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("submission " + s.id() + " is \"approved\": \"approve\" is no longer "
                + "possible").doesNotContain("Exception");
    }

    @Test
    void anActivityTheProgramWouldRefuseIsNotApprovedAndSaysWhy() throws Exception {
        Submission s = Proposed.submit(server.submissions(),
                Proposed.workshop("atelier-04", Region.MAURICIE, "partenaire-inconnu"));

        Run refused = jqsi("submissions", "approve", s.id());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("la proposition " + s.id() + " n'est pas approuvée, et reste en attente")
                .contains("activity.partners[0]").contains("partenaire-inconnu");
        assertThat(server.submissions().find(s.id()).orElseThrow().state()).isEqualTo(SubmissionState.PENDING);
        assertThat(server.submissions().publication().activities()).isEmpty();
    }

    @Test
    void withSourcesTheActivityMustFitTheProgramAsServedWithTheSourcesLastCopies() throws Exception {
        Path served = Files.createDirectories(directory.resolve("served"));
        List<Activity> fromSources = SampleSourceCopies.in(served);
        String sources = served.resolve("sources.json").toString();
        String taken = fromSources.get(0).id();
        Submission clash = Proposed.submit(server.submissions(), Proposed.workshop(taken, Region.MAURICIE, "cs3r"));
        Submission fits = Proposed.submit(server.submissions(),
                Proposed.workshop("atelier-04", Region.MAURICIE, "cs3r"));

        Run refused = jqsi("submissions", "approve", clash.id(), "--sources", sources, "--lang", "en");
        assertThat(refused.status()).as(refused.err()).isEqualTo(1);
        assertThat(refused.err()).contains("submission " + clash.id() + " is not approved").contains(taken)
                .doesNotContain("Exception");
        assertThat(server.submissions().find(clash.id()).orElseThrow().state()).isEqualTo(SubmissionState.PENDING);

        Run approved = jqsi("submissions", "approve", fits.id(), "--sources", sources);
        assertThat(approved.status()).as(approved.err()).isZero();

        // The program published, as one file: the program file's, the sources', then the approved submission's.
        Path program = served.resolve("programme.json");
        ProgramWriter.forFiles().write(SampleProgram.data(), program);
        Path published = served.resolve("published.json");
        Run exported = jqsi("export", "--format", "json", "--with-submissions", "--sources", sources,
                "-o", published.toString(), program.toString());
        assertThat(exported.status()).as(exported.err()).isZero();
        assertThat(new ProgramReader(new ProgramValidator()).read(published).activities()).extracting(Activity::id)
                .containsAll(fromSources.stream().map(Activity::id).toList()).contains("atelier-04")
                .hasSize(SampleProgram.activities().size() + fromSources.size() + 1);
    }

    @Test
    void requestChangesAndRefuseNeedANoteThatTheHistoryKeeps() throws Exception {
        Submission s = Proposed.submit(server.submissions(), Proposed.workshop("atelier-04", Region.MAURICIE, "cs3r"));

        assertThat(jqsi("submissions", "request-changes", s.id()).status()).isEqualTo(2);
        Run sentBack = jqsi("submissions", "request-changes", s.id(), "--note", "Précisez la salle.");
        assertThat(sentBack.status()).isZero();
        assertThat(sentBack.out()).contains("« modifications demandées »");

        Run shown = jqsi("submissions", "show", s.id());
        assertThat(shown.out()).contains("Proposée par : Comité de solidarité/Trois-Rivières <programme@example.org>",
                "Note de la révision : Précisez la salle.", "Propose une nouvelle activité : atelier-04",
                "proposer", "demander des modifications");

        Run refused = jqsi("submissions", "refuse", s.id(), "--note", "Hors des dates.", "--lang", "en");
        assertThat(refused.out()).contains("Submission " + s.id() + " is now \"refused\".");
        assertThat(server.submissions().find(s.id()).orElseThrow().history())
                .extracting(e -> e.action()).containsExactly(SubmissionAction.SUBMIT,
                        SubmissionAction.REQUEST_CHANGES, SubmissionAction.REFUSE);

        Run unknown = jqsi("submissions", "show", "s-0000000000");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("aucune proposition n'a l'identifiant s-0000000000");
    }
}
