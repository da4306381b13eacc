package org.jqsi.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing then reading gives an equal program, and the same program always gives the same bytes. */
class RoundTripTest {

    private static ProgramReader reader;

    @BeforeAll
    static void reader() {
        reader = new ProgramReader(new ProgramValidator());
    }

    @Test
    void theSampleRoundTripsInBothLayouts() throws Exception {
        ProgramData sample = SampleProgram.data();

        assertThat(reader.read(ProgramWriter.forFiles().toJson(sample), "pretty.json")).isEqualTo(sample);
        assertThat(reader.read(ProgramWriter.forWeb().toJson(sample), "compact.json")).isEqualTo(sample);
    }

    @Test
    void everyPartOfTheFormatRoundTrips() throws Exception {
        ProgramData program = TestPrograms.everyPart();
        assertThat(new ProgramValidator().validate(program).errors()).isEmpty();

        String json = ProgramWriter.forFiles().toJson(program);

        assertThat(reader.read(json, "every-part.json")).isEqualTo(program);
        assertThat(json)
                .contains("\"prices\": [")
                .contains("\"amount\": 15.00")
                .contains("\"amount\": 7.50")
                .contains("\"languages\": [\n        \"fr-CA\",\n        \"en\"\n      ]")
                .contains("\"previousStart\": \"2021-11-05T19:00\"")
                .contains("\"lastModified\": \"2021-10-30T14:15:00Z\"")
                .contains("\"revision\": 3")
                .contains("\"origin\": {\n        \"source\": \"cs3r-agenda\",\n        \"uid\": \"concert-2021@cs3r.org\"\n      }")
                .contains("\"region\": \"11\"")
                .contains("\"zone\": \"America/Halifax\"")
                .contains("\"opens\": \"10:00\"");
    }

    @Test
    void aHybridPlaceSaysItsTypeOnceAndADefaultRevisionIsLeftOut() {
        String json = ProgramWriter.forWeb().toJson(TestPrograms.everyPart());

        assertThat(json).contains("\"place\":{\"type\":\"hybrid\",\"venue\":{\"name\":\"Salle Anaïs-Allard-Rousseau\"");
        assertThat(json).contains("\"online\":{\"url\":\"https://www.facebook.com/aqoci/live\",\"platform\":\"facebook\"");
        assertThat(json).contains("\"schedule\":{\"type\":\"tba\",\"note\":{\"fr\":\"à l'automne\"");
        assertThat(json.split("\"revision\"", -1)).hasSize(2);
        // The program file's own activities carry no origin: files written before origins existed are unchanged.
        assertThat(json.split("\"origin\"", -1)).hasSize(2);
    }

    @Test
    void theSameProgramGivesTheSameBytes() {
        ProgramData program = TestPrograms.everyPart();
        ProgramData copy = new ProgramData(program.editions(), program.partners(), program.activities());

        assertThat(ProgramWriter.forFiles().toBytes(copy)).isEqualTo(ProgramWriter.forFiles().toBytes(program));
        assertThat(ProgramWriter.forWeb().toBytes(copy)).isEqualTo(ProgramWriter.forWeb().toBytes(program));
    }

    @Test
    void filesAreIndentedWithUnixLineEndsAndWebOutputIsOneLine() {
        String pretty = ProgramWriter.forFiles().toJson(SampleProgram.data());
        String compact = ProgramWriter.forWeb().toJson(SampleProgram.data());

        assertThat(pretty).startsWith("{\n  \"$schema\": \"" + ProgramSchema.ID + "\",\n  \"formatVersion\": 1,\n")
                .endsWith("}\n")
                .doesNotContain("\r");
        assertThat(compact).startsWith("{\"$schema\":\"" + ProgramSchema.ID + "\",\"formatVersion\":1,\"editions\":[")
                .doesNotContain("\n")
                .endsWith("}");
    }

    @Test
    void anEmptyProgramIsJustTheHeader() throws Exception {
        ProgramData empty = new ProgramData(null, null, null);

        String json = ProgramWriter.forWeb().toJson(empty);

        assertThat(json).isEqualTo("{\"$schema\":\"" + ProgramSchema.ID + "\",\"formatVersion\":1}");
        assertThat(reader.read(json, "empty.json")).isEqualTo(empty);
    }

    @Test
    void aGeneratedProgramOfTenThousandActivitiesRoundTripsThroughAFile(@TempDir Path dir) throws Exception {
        ProgramData program = TestPrograms.generated(10_000);
        Path file = dir.resolve("program.json");

        ProgramWriter.forFiles().write(program, file);
        ProgramData read = reader.read(file);

        assertThat(read).isEqualTo(program);
        assertThat(Program.of(read).activities()).hasSize(10_000);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(ProgramWriter.forFiles().toJson(read));
        try (var listing = Files.list(dir)) {
            // The lock file stays, by design (see LockedFile); no temporary file does.
            assertThat(listing).as("no temporary file left behind")
                    .containsExactlyInAnyOrder(file, dir.resolve(".program.json.lock"));
        }
    }
}
