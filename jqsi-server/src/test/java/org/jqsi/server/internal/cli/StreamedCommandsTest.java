package org.jqsi.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.sample.GeneratedProgram;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.ical.CalendarExporter;
import org.jqsi.ical.FeedOptions;
import org.jqsi.ical.IcalSettings;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.internal.ServerMessages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code validate} and {@code export}, which read a program file one activity at a time, print and write exactly what
 * they did when they held the program whole: the expected text is made here the way the commands made it then, from
 * the program read whole ({@link ProgramReader#read}, {@link Program#matching},
 * {@link CalendarExporter#writeActivities}, {@link ProgramWriter#write}).
 */
class StreamedCommandsTest {

    @TempDir
    static Path dir;

    private static ProgramValidator validator;
    private static ProgramReader reader;
    private static Path sample;
    private static Path blancSablon;
    private static Path generated;
    private static Path shuffled;
    private static Path broken;

    @BeforeAll
    static void programs() throws Exception {
        validator = new ProgramValidator();
        reader = new ProgramReader(validator);
        sample = dir.resolve("programme.json");
        ProgramWriter.forFiles().write(SampleProgram.data(), sample);
        // The case of /work/shared/cases/export: an activity alone in Blanc-Sablon's zone.
        blancSablon = dir.resolve("min-blanc-sablon.json");
        try (InputStream in = StreamedCommandsTest.class.getResourceAsStream("min-blanc-sablon.json")) {
            Files.copy(in, blancSablon);
        }
        ProgramData data = GeneratedProgram.of(3_000, 11L);
        generated = dir.resolve("genere.json");
        Files.write(generated, ProgramWriter.forWeb().toBytes(data));
        // Out of the export's order in the file: the export sorts them.
        List<Activity> mixed = new ArrayList<>(data.activities());
        Collections.shuffle(mixed, new Random(5));
        shuffled = dir.resolve("melange.json");
        ProgramWriter.forFiles().write(new ProgramData(data.editions(), data.partners(), mixed), shuffled);
        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        activities.set(1, activities.get(1).toBuilder().partner("oxfam-quebec", PartnerRole.SPONSOR).build());
        broken = dir.resolve("casse.json");
        ProgramWriter.forFiles().write(new ProgramData(SampleProgram.editions(), SampleProgram.partners(),
                activities), broken);
    }

    record Case(String name, Path file, List<String> options, Consumer<ActivityQuery.Builder> query) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> exports() {
        List<Case> cases = List.of(
                new Case("the sample", sample, List.of(), q -> { }),
                new Case("the sample, Mauricie screenings", sample, List.of("--region", "04", "--kind", "screening"),
                        q -> q.region(Region.MAURICIE).kind(ActivityKind.SCREENING)),
                new Case("the sample, CECI", sample, List.of("--partner", "ceci"), q -> q.partner("ceci")),
                new Case("the sample, 2020", sample, List.of("--edition", "jqsi-2020"), q -> q.edition("jqsi-2020")),
                new Case("the sample, every edition", sample, List.of("--edition", "all"), q -> { }),
                new Case("the sample, some days", sample, List.of("--from", "2020-11-10", "--to", "2020-11-12"),
                        q -> q.from(LocalDate.of(2020, 11, 10)).to(LocalDate.of(2020, 11, 12))),
                new Case("the sample, a theme", sample, List.of("--theme", "migration-justice"),
                        q -> q.themeTag("migration-justice")),
                new Case("Blanc-Sablon", blancSablon, List.of(), q -> { }),
                new Case("3,000 generated", generated, List.of(), q -> { }),
                new Case("3,000 generated, 2021 in Montréal", generated, List.of("--edition", "jqsi-2021", "--region",
                        "06"), q -> q.edition("jqsi-2021").region(Region.MONTREAL)),
                new Case("3,000 generated, a theme", generated, List.of("--theme", "theme-special"),
                        q -> q.themeTag("theme-special")),
                new Case("3,000 shuffled", shuffled, List.of(), q -> { }),
                new Case("3,000 shuffled, a kind", shuffled, List.of("--kind", "quiz"),
                        q -> q.kind(ActivityKind.QUIZ)));
        List<Arguments> all = new ArrayList<>();
        for (Case c : cases) {
            for (String format : List.of("ics", "json")) {
                for (Language language : Language.values()) {
                    all.add(Arguments.of(c, format, language));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @MethodSource("exports")
    void exportWritesTheBytesOfTheProgramHeldWhole(Case c, String format, Language language) throws Exception {
        Path out = Files.createTempFile(dir, "export", "." + format);
        Files.delete(out);
        List<String> args = new ArrayList<>(List.of("export", "--format", format, "--lang",
                language.name().toLowerCase(Locale.ROOT), "-o", out.toString()));
        args.addAll(c.options());
        args.add(c.file().toString());

        Run run = run(args);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo(held(c, format, language));
    }

    @Test
    void aProgramFileWrittenOverACompactOneIsCompactAsBefore() throws Exception {
        Path out = dir.resolve("compact.json");
        Files.writeString(out, "{}");
        Run run = run(List.of("export", "--format", "json", "--partner", "ceci", "-o", out.toString(),
                sample.toString()));
        assertThat(run.status()).as(run.err()).isZero();
        ProgramData data = reader.read(sample);
        List<Activity> chosen = Program.of(data).matching(ActivityQuery.builder().partner("ceci").build());
        assertThat(Files.readAllBytes(out)).isEqualTo(ProgramWriter.forWeb().toBytes(new ProgramData(
                data.editions(), data.partners(), chosen)));
    }

    @Test
    void anOptionValueTheProgramDoesNotHaveIsRefusedAsBefore() {
        Run run = run(List.of("export", "--format", "ics", "--theme", "nope", sample.toString()));
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("migration-justice");
    }

    static Stream<Path> validated() {
        return Stream.of(sample, blancSablon, generated, shuffled, broken);
    }

    @ParameterizedTest
    @MethodSource("validated")
    void validatePrintsWhatItPrintedWithTheProgramHeldWhole(Path file) {
        for (Language language : Language.values()) {
            Run run = run(List.of("validate", "--lang", language.name().toLowerCase(Locale.ROOT), file.toString()));
            StringWriter expected = new StringWriter();
            String end = System.lineSeparator();
            try {
                ProgramData data = reader.read(file);
                ValidationReport report = validator.validate(data);
                expected.write(ServerMessages.message(language, "validate.valid", file, data.activities().size(),
                        report.warnings().size()) + end);
                assertThat(run.status()).isZero();
                // The same warnings, each placed in the file now (in the file's order), as an invalid file's are.
                String[] lines = run.out().split(java.util.regex.Pattern.quote(end));
                assertThat(lines[0] + end).isEqualTo(expected.toString());
                String placed = "  " + java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+ \\(([^)]+)\\)";
                assertThat(java.util.Arrays.asList(lines).subList(1, lines.length))
                        .allSatisfy(line -> assertThat(line).containsPattern("^" + placed))
                        .extracting(line -> line.replaceFirst(placed, "  $1"))
                        .containsExactlyInAnyOrderElementsOf(report.warnings().stream()
                                .map(w -> "  " + w.format(language)).toList());
                continue;
            } catch (ProgramLoadException e) {
                expected.write(ServerMessages.message(language, "validate.invalid", file, e.report().errors().size())
                        + end);
                e.report().problems().forEach(p -> expected.write("  " + p.format(language) + end));
                assertThat(run.status()).isEqualTo(1);
            }
            assertThat(run.out()).isEqualTo(expected.toString());
        }
    }

    /** The programs read whole, once each. */
    private static final Map<Path, Program> HELD = new java.util.concurrent.ConcurrentHashMap<>();

    /** What {@code export} wrote when it held the program whole. */
    private static String held(Case c, String format, Language language) throws Exception {
        Program program = HELD.get(c.file());
        if (program == null) {
            program = Program.of(reader.read(c.file()));
            HELD.put(c.file(), program);
        }
        ActivityQuery.Builder query = ActivityQuery.builder().offset(0).limit(ActivityQuery.MAX_LIMIT);
        c.query().accept(query);
        List<Activity> chosen = program.matching(query.build());
        if (format.equals("ics")) {
            StringWriter out = new StringWriter();
            new CalendarExporter(IcalSettings.defaults()).writeActivities(program, chosen, FeedOptions.in(language),
                    out);
            return out.toString();
        }
        return new String(ProgramWriter.forFiles().toBytes(new ProgramData(program.editions(), program.partners(),
                chosen)), StandardCharsets.UTF_8);
    }

    record Run(int status, String out, String err) {
    }

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = JqsiCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
