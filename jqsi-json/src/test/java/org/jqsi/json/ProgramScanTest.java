package org.jqsi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.sample.GeneratedProgram;
import org.jqsi.core.validation.Location;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ProgramValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ProgramReader#scan}, which keeps no activity, says exactly what {@link ProgramReader#read(Path)} says of the
 * same file: the same problems in the same places and order, in both languages, or the same editions, partners,
 * activities (handed over in order) and warnings; and {@link ActivityFile} reads each activity again at its span.
 */
class ProgramScanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ProgramValidator validator;
    private static ProgramReader reader;
    private static String sample;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        validator = new ProgramValidator();
        reader = new ProgramReader(validator);
        try (InputStream in = ProgramReader.class.getResourceAsStream("/org/jqsi/json/sample/program.json")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Stream<Arguments> files() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("the sample", sample));
        cases.add(Arguments.of("activities first", reordered("activities", "editions", "partners")));
        cases.add(Arguments.of("editions after activities", reordered("$schema", "formatVersion", "partners",
                "activities", "editions")));
        cases.add(Arguments.of("an id twice", edited(p -> activity(p, 3).put("id", activity(p, 0).get("id")
                .asText()))));
        cases.add(Arguments.of("an unknown partner", edited(p -> ((ObjectNode) activity(p, 1).withArray("partners")
                .get(0)).put("partnerId", "personne"))));
        cases.add(Arguments.of("an unknown partner, activities first", edited(p -> {
            ((ObjectNode) activity(p, 1).withArray("partners").get(0)).put("partnerId", "personne");
            Map<String, Object> moved = new java.util.LinkedHashMap<>();
            moved.put("activities", p.remove("activities"));
            p.fields().forEachRemaining(e -> moved.put(e.getKey(), e.getValue()));
            p.removeAll();
            moved.forEach((k, v) -> p.set(k, (com.fasterxml.jackson.databind.JsonNode) v));
        })));
        cases.add(Arguments.of("an unknown edition", edited(p -> activity(p, 2).put("editionId", "jqsi-1999"))));
        cases.add(Arguments.of("an unknown property and a wrong type", edited(p -> {
            activity(p, 2).put("titre", "x");
            activity(p, 4).put("kind", 12);
        })));
        cases.add(Arguments.of("a broken edition", edited(p -> ((ObjectNode) p.withArray("editions").get(0))
                .put("year", "deux mille"))));
        cases.add(Arguments.of("no format version", edited(p -> p.remove("formatVersion"))));
        cases.add(Arguments.of("content after the program", sample + "{}"));
        cases.add(Arguments.of("cut in the middle", sample.substring(0, sample.length() / 2)));
        cases.add(Arguments.of("a name twice", sample.replaceFirst("\"kind\": \"screening\",",
                "\"kind\": \"screening\", \"kind\": \"screening\",")));
        cases.add(Arguments.of("not an object", "[]"));
        cases.add(Arguments.of("empty", "{\"formatVersion\": 1}"));
        ProgramData generated = GeneratedProgram.of(3_000, 7L);
        cases.add(Arguments.of("3,000 generated", ProgramWriter.forFiles().toJson(generated)));
        cases.add(Arguments.of("3,000 generated, one id twice and a missing edition", ProgramWriter.forWeb().toJson(
                generated).replace("\"id\":\"activite-2999\"", "\"id\":\"activite-17\"")
                .replaceFirst("\"editionId\":\"jqsi-20(\\d\\d)\"", "\"editionId\":\"jqsi-19$1\"")));
        Path inputs = Path.of("src/test/resources/org/jqsi/json/ProgramReaderFuzzTestInputs/read");
        try (Stream<Path> found = Files.list(inputs)) {
            for (Path input : found.sorted().toList()) {
                cases.add(Arguments.of(input.getFileName().toString(), Files.readString(input)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void aScanSaysWhatAReadingSays(String name, String text) throws Exception {
        Path file = dir.resolve(name.replaceAll("[^a-z0-9]+", "-") + ".json");
        Files.writeString(file, text);
        ProgramData whole = null;
        ProgramLoadException refused = null;
        try {
            whole = reader.read(file);
        } catch (ProgramLoadException e) {
            refused = e;
        }
        Map<Integer, Activity> visited = new HashMap<>();
        Map<Integer, ActivitySpan> spans = new HashMap<>();
        ProgramReader.ActivityVisitor visitor = (index, activity, span) -> {
            visited.put(index, activity);
            spans.put(index, span);
        };
        if (refused != null) {
            ProgramLoadException scanned = catchThrowableOfType(ProgramLoadException.class,
                    () -> reader.scan(file, visitor));
            assertThat(scanned).as("the scan refuses it too").isNotNull();
            assertThat(scanned.report().format(Language.FR)).isEqualTo(refused.report().format(Language.FR));
            assertThat(scanned.report().format(Language.EN)).isEqualTo(refused.report().format(Language.EN));
            assertThat(scanned.report()).isEqualTo(refused.report());
            ProgramLoadException withoutWarnings = catchThrowableOfType(ProgramLoadException.class,
                    () -> reader.scan(file, (index, activity, span) -> { }, false));
            assertThat(withoutWarnings.report()).as("refused with its warnings all the same")
                    .isEqualTo(refused.report());
            return;
        }
        ProgramScan scan = reader.scan(file, visitor);
        assertThat(scan.editions()).isEqualTo(whole.editions());
        assertThat(scan.partners()).isEqualTo(whole.partners());
        assertThat(scan.activityCount()).isEqualTo(whole.activities().size());
        // The validator's problems, each placed in the file as an invalid file's are, in the order of the file.
        assertThat(scan.report().problems()).extracting(ProgramScanTest::unplaced)
                .containsExactlyInAnyOrderElementsOf(validator.validate(whole).problems());
        assertThat(scan.report().problems()).allSatisfy(p -> assertThat(p.where()).matches(
                java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+ \\(.+\\)"));
        assertThat(visited).hasSize(whole.activities().size());
        ProgramScan withoutWarnings = reader.scan(file, (index, activity, span) -> { }, false);
        assertThat(withoutWarnings.activityCount()).isEqualTo(whole.activities().size());
        assertThat(withoutWarnings.report().problems()).allMatch(p -> !p.where().startsWith("activities"));
        try (ActivityFile again = ActivityFile.open(file)) {
            for (int i = 0; i < whole.activities().size(); i++) {
                assertThat(visited.get(i)).isEqualTo(whole.activities().get(i));
                assertThat(again.read(spans.get(i))).isEqualTo(whole.activities().get(i));
            }
        }
    }

    /** A problem at its path alone, as the validator gives it, from one placed in the file. */
    private static Problem unplaced(Problem problem) {
        return problem.location() instanceof Location.FilePosition at ? problem.at(Location.path(at.path())) : problem;
    }

    @Test
    void theSampleHasWarningsThatTheScanGives() throws Exception {
        Path file = dir.resolve("sample.json");
        Files.writeString(file, sample);
        assertThat(reader.scan(file, (index, activity, span) -> { }).report().warnings()).isNotEmpty();
    }

    @Test
    void aFileChangedSinceItsScanIsSaidToHaveChanged() throws Exception {
        Path file = dir.resolve("changing.json");
        Files.writeString(file, sample);
        List<ActivitySpan> spans = new ArrayList<>();
        reader.scan(file, (index, activity, span) -> spans.add(span));
        Files.writeString(file, "{" + " ".repeat(sample.length()) + "}");
        try (ActivityFile again = ActivityFile.open(file)) {
            assertThat(catchThrowableOfType(ActivityFile.ChangedFileException.class, () -> again.read(spans.get(0))))
                    .hasMessageContaining("changed");
        }
    }

    private static String reordered(String... names) throws IOException {
        ObjectNode program = (ObjectNode) JSON.readTree(sample);
        ObjectNode out = JSON.createObjectNode();
        for (String name : names) {
            if (program.has(name)) {
                out.set(name, program.get(name));
            }
        }
        Arrays.stream(new String[] {"$schema", "formatVersion"}).filter(n -> !out.has(n))
                .forEach(n -> out.set(n, program.get(n)));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out);
    }

    private static String edited(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode program = (ObjectNode) JSON.readTree(sample);
        edit.accept(program);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(program);
    }

    private static ObjectNode activity(ObjectNode program, int index) {
        ArrayNode activities = program.withArray("activities");
        return (ObjectNode) activities.get(index);
    }
}
