package org.jqsi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.FollowedSource;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources files are read as strictly as program files, and the published schema agrees with the reader. */
class SourcesReaderTest {

    /** The issue's example, as operators write it. */
    static final String EXAMPLE = """
            {"formatVersion": 1,
             "sources": [
               {"id": "cs3r-agenda", "kind": "ical", "url": "https://example.org/agenda.ics", "partnerId": "cs3r",
                "editionId": "jqsi-2021", "region": "04", "language": "fr", "refresh": "PT30M"},
               {"id": "ceci-tableur", "kind": "sheet", "file": "ceci.csv", "partnerId": "ceci", "editionId": "jqsi-2021",
                "region": "06", "refresh": "PT5M", "allowPrivateAddress": false}]}
            """;

    private static List<Problem> problemsOf(String json) {
        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class,
                () -> new SourcesReader().read(json, "sources.json", Path.of("/srv/jqsi")));
        assertThat(e).as("reading should fail").isNotNull();
        return e.report().errors();
    }

    @Test
    void theIssuesExampleReads() throws Exception {
        List<FollowedSource> sources = new SourcesReader().read(EXAMPLE, "sources.json", Path.of("/srv/jqsi"));

        assertThat(sources).containsExactly(
                new FollowedSource("cs3r-agenda", FollowedSource.Kind.ICAL, URI.create("https://example.org/agenda.ics"),
                        null, "cs3r", "jqsi-2021", Region.MAURICIE, null, Language.FR, Duration.ofMinutes(30), false),
                new FollowedSource("ceci-tableur", FollowedSource.Kind.SHEET, null, Path.of("/srv/jqsi/ceci.csv"),
                        "ceci", "jqsi-2021", Region.MONTREAL, null, Language.FR, Duration.ofMinutes(5), false));
    }

    @Test
    void everyProblemIsSaidAtOnceWithItsLineColumnAndPathInBothLanguages() {
        List<Problem> problems = problemsOf(EXAMPLE
                .replace("\"refresh\": \"PT30M\"", "\"refresh\": \"PT0.5S\"")
                .replace("\"kind\": \"sheet\"", "\"kind\": \"tableur\", \"titre\": 1")
                .replace("\"region\": \"06\"", "\"region\": \"99\""));

        assertThat(problems).extracting(Problem::where).containsExactly(
                "sources.json:4:65 (sources[0].refresh)",
                "sources.json:5:46 (sources[1].titre)",
                "sources.json:6:5 (sources[1].region)");
        assertThat(problems.get(0).message(Language.EN)).contains("an ISO 8601 duration of at least one second");
        assertThat(problems.get(0).message(Language.FR)).contains("une durée ISO 8601 d'au moins une seconde");
        assertThat(problems.get(1).message(Language.EN)).startsWith("unknown property \"titre\"");
    }

    @Test
    void theChecksASchemaCannotMakeAreMade() {
        assertThat(problemsOf(EXAMPLE.replace("ceci-tableur", "cs3r-agenda"))).extracting(Problem::code)
                .containsExactly("sources.duplicate-id");
        // Approved submissions own their activities under this name: no source may take it.
        assertThat(problemsOf(EXAMPLE.replace("ceci-tableur", "submission"))).extracting(Problem::code)
                .containsExactly("sources.reserved-id");
        assertThat(problemsOf(EXAMPLE.replace("\"file\": \"ceci.csv\", ", ""))).extracting(Problem::code)
                .containsExactly("sources.url-or-file");
        assertThat(problemsOf(EXAMPLE.replace("\"kind\": \"sheet\"", "\"kind\": \"tableur\""))).first()
                .satisfies(p -> assertThat(p.message(Language.EN)).contains("expected ical (an iCalendar feed) or sheet"));
        assertThat(problemsOf(EXAMPLE.replace("https://example.org", "ftp://example.org"))).extracting(Problem::code)
                .containsExactly("json.bad-value");
        assertThat(problemsOf(EXAMPLE.replace("\"formatVersion\": 1,", "\"formatVersion\": 2,")))
                .extracting(Problem::code).containsExactly("json.format-version");
        assertThat(problemsOf(EXAMPLE.replace("\"partnerId\": \"cs3r\",", ""))).first()
                .satisfies(p -> assertThat(p.message(Language.EN)).contains("required property \"partnerId\""));
    }

    @Test
    void aSourcesFileIsToldFromAProgramFileByItsContent(@TempDir Path dir) throws Exception {
        Path sources = Files.writeString(dir.resolve("a.json"), EXAMPLE);
        Path program = Files.writeString(dir.resolve("b.json"), "{\"formatVersion\": 1, \"activities\": []}");
        Path named = Files.writeString(dir.resolve("c.json"), "{\"$schema\": \"" + SourcesSchema.ID + "\"}");

        assertThat(SourcesReader.isSourcesFile(sources)).isTrue();
        assertThat(SourcesReader.isSourcesFile(program)).isFalse();
        assertThat(SourcesReader.isSourcesFile(named)).isTrue();
        assertThat(new SourcesReader().read(sources).get(1).file()).isEqualTo(dir.resolve("ceci.csv"));
    }

    @Test
    void theSchemaIsValidAndAgreesOnTheExampleAndOnBrokenFiles() throws Exception {
        ObjectMapper trees = new ObjectMapper();
        JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(trees.readTree(SourcesSchema.text()))).isEmpty();
        JsonSchema schema;
        try (InputStream in = SourcesSchema.open()) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        assertThat(trees.readTree(SourcesSchema.text()).get("$id").asText()).isEqualTo(SourcesSchema.ID);
        assertThat(schema.validate(trees.readTree(EXAMPLE))).isEmpty();
        for (String broken : List.of(EXAMPLE.replace("\"file\": \"ceci.csv\", ", ""),
                EXAMPLE.replace("\"region\": \"06\"", "\"region\": \"99\""),
                EXAMPLE.replace("\"kind\": \"sheet\"", "\"kind\": \"tableur\""),
                EXAMPLE.replace("\"partnerId\": \"cs3r\",", ""),
                EXAMPLE.replace("\"refresh\": \"PT5M\"", "\"refresh\": \"5 minutes\""))) {
            assertThat(schema.validate(trees.readTree(broken))).as(broken).isNotEmpty();
            assertThat(problemsOf(broken)).as(broken).isNotEmpty();
        }
    }
}
