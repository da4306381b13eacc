package org.jqsi.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.ElementChecks;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.json.internal.JsonLocator;
import org.jqsi.json.internal.JsonMessages;
import org.jqsi.json.internal.MalformedText;
import org.jqsi.json.internal.JsonProblems;
import org.jqsi.json.internal.ProgramFileParser;
import org.jqsi.json.internal.ProgramMapper;
import org.jqsi.json.internal.StrictTextReader;
import org.jqsi.json.internal.StrictUtf8Input;

/**
 * Reads program files (see {@code docs/program-format.md}), strictly: malformed JSON, an unknown property, a value
 * of the wrong type or spelling, a missing required property are each reported with the file, line, column and path
 * ({@code program.json:12:5 (activities[3].schedule.start)}) and what was expected. A file that maps cleanly is then
 * checked whole by the core's {@link ProgramValidator}, whose problems are located in the file the same way. Reading
 * either returns the whole program or throws a {@link ProgramLoadException} with every problem: never part of one.
 *
 * <p>The activities are read one at a time from a stream of tokens: reading holds the program, not the file.
 * Thread-safe; build one and share it.
 *
 * <pre>{@code
 * ProgramData data = new ProgramReader().read(Path.of("program.json"));
 * Program program = Program.of(data);
 * }</pre>
 */
public final class ProgramReader {

    private final JsonFactory factory;
    private final ProgramFileParser parser;
    private final ProgramValidator validator;

    /** A reader with the core's default validator. */
    public ProgramReader() {
        this(new ProgramValidator());
    }

    /** A reader that checks programs with the given validator. */
    public ProgramReader(ProgramValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.factory = Shared.MAPPER.getFactory();
        this.parser = Shared.PARSER;
    }

    /**
     * One mapper for every reader: Jackson builds its deserializers on first use, which costs more than reading a
     * program of a thousand activities, so a reader made per load (a reload, a new validator) would pay it each time.
     * Both are immutable and thread-safe once built.
     */
    static final class Shared {
        static final ObjectMapper MAPPER = ProgramMapper.create();
        static final ObjectMapper PLAIN = ProgramMapper.createPlain();
        static final ProgramFileParser PARSER = new ProgramFileParser(MAPPER, PLAIN);
    }

    /**
     * Opens a program file's bytes (UTF-8), for sources that are neither a path nor a string: a classpath resource of
     * another module, a blob store. It may be called a second time, to place problems in the file.
     */
    @FunctionalInterface
    public interface Opener {

        /** A new stream on the file, which the reader closes. */
        InputStream open() throws IOException;
    }

    /**
     * Told of each activity of a program file as {@link #scan} reads it, before the file is known to be valid: an
     * activity may be handed over again at the same index when the reading starts over, and the last one counts.
     */
    @FunctionalInterface
    public interface ActivityVisitor {

        /**
         * @param index the activity's index in the file's {@code activities}
         * @param span where its object is in the file, to read it again ({@link ActivityFile})
         */
        void activity(int index, Activity activity, ActivitySpan span);
    }

    /** Something a program file can be read from, more than once if it has problems to locate. */
    @FunctionalInterface
    interface Input {
        JsonParser open(JsonFactory factory) throws IOException;
    }

    /**
     * Reads a program file. Anything but a regular file (a directory, a named pipe, a device) is refused before it is
     * opened: opening a named pipe would wait for a writer, for ever if none comes.
     */
    public ProgramData read(Path file) throws ProgramLoadException {
        refuseUnlessRegular(file);
        return read(file.toString(), f -> f.createParser(new StrictUtf8Input(Files.newInputStream(file))), true);
    }

    private static void refuseUnlessRegular(Path file) throws ProgramLoadException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            // Missing or not reachable: opening it says so.
            return;
        }
        if (!attributes.isRegularFile()) {
            String where = file.toString();
            throw new ProgramLoadException(where, ValidationReport.of(Problem.error(where, "file.not-regular",
                    JsonMessages.text("file.not-regular", JsonMessages.text(
                            attributes.isDirectory() ? "file.kind.directory" : "file.kind.special")))));
        }
    }

    /**
     * Reads a program from JSON text.
     *
     * @param origin what to call it in problems ({@code "upload.json"})
     */
    public ProgramData read(String json, String origin) throws ProgramLoadException {
        return read(origin, f -> f.createParser(new StrictTextReader(new StringReader(json))), true);
    }

    /**
     * Reads a program from a stream of UTF-8 bytes, which is not closed. A stream can be read only once: validation
     * problems then carry their path but not their line.
     *
     * @param origin what to call it in problems
     */
    public ProgramData read(InputStream in, String origin) throws ProgramLoadException {
        Objects.requireNonNull(in, "in");
        return read(origin, f -> {
            JsonParser p = f.createParser(new StrictUtf8Input(in));
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            return p;
        }, false);
    }

    /**
     * Reads a program file that {@code opener} opens, once, or twice when there are problems to place in it.
     *
     * <pre>{@code
     * reader.read(() -> MyApp.class.getResourceAsStream("/org/example/program.json"), "program.json");
     * }</pre>
     *
     * @param origin what to call it in problems
     */
    public ProgramData read(Opener opener, String origin) throws ProgramLoadException {
        Objects.requireNonNull(opener, "opener");
        return read(origin, f -> {
            InputStream in = opener.open();
            if (in == null) {
                throw new FileNotFoundException(origin);
            }
            return f.createParser(new StrictUtf8Input(in));
        }, true);
    }

    /**
     * Reads a program file from a classpath resource, as {@link Class#getResourceAsStream(String)} finds it from
     * {@code anchor}: a class of the module that holds the resource ({@code "/org/example/program.json"}).
     *
     * <p>On the module path, the lookup is made by this module: a resource in a package of another named module is
     * found only if that package is open to {@code org.jqsi.json}. Otherwise use {@link #read(Opener, String)} with
     * a lambda of that module.
     */
    public ProgramData readResource(Class<?> anchor, String name) throws ProgramLoadException {
        return read(name, f -> {
            InputStream in = anchor.getResourceAsStream(name);
            if (in == null) {
                throw new FileNotFoundException("no classpath resource " + name + " next to " + anchor.getName());
            }
            return f.createParser(new StrictUtf8Input(in));
        }, true);
    }

    /**
     * Reads and checks a program file as {@link #read(Path)} does, with the same problems in the same places, but
     * keeps none of its activities: each is handed to {@code visitor} as it is read, then let go. The memory it takes
     * grows with the editions and partners, the problems found and the activities' ids (which must be unique), not
     * with the activities: {@code jqsi validate} and {@code export} of a file of a million activities, beyond what a
     * server loads. A file that lists its activities before its editions or partners is read twice.
     *
     * @return the editions, partners, number of activities and warnings of a valid file
     * @throws ProgramLoadException when the file is not valid, with every problem, as {@link #read(Path)}
     */
    public ProgramScan scan(Path file, ActivityVisitor visitor) throws ProgramLoadException {
        return scan(file, visitor, true);
    }

    /**
     * As {@link #scan(Path, ActivityVisitor)}; without {@code warnings}, the activities' warnings are not kept (the
     * report of a valid file has none of them): for a reader that only needs the file to be valid, such as an export,
     * when a large program has a warning for half of its activities. A file with errors is refused with every
     * problem, warnings included, as {@link #read(Path)} refuses it: it is then read once more.
     */
    public ProgramScan scan(Path file, ActivityVisitor visitor, boolean warnings) throws ProgramLoadException {
        Objects.requireNonNull(visitor, "visitor");
        refuseUnlessRegular(file);
        String origin = file.toString();
        Input input = f -> f.createParser(new StrictUtf8Input(Files.newInputStream(file)));
        JsonProblems problems = new JsonProblems(origin);
        ProgramFileParser.ActivityFound found = (index, activity, start, end) ->
                visitor.activity(index, activity, new ActivitySpan(start, end - start));
        ElementChecks checks = validator.beginStreaming(warnings);
        Streamed streamed = stream(origin, input, problems, checks, true, found);
        if (streamed.parsed().readAgainInOrder()) {
            checks = validator.beginStreaming(warnings);
            streamed = stream(origin, input, problems, checks, false, found);
        }
        ProgramFileParser.Parsed parsed = streamed.parsed();
        if (!parsed.ok()) {
            List<Problem> all = parsed.problems();
            ElementChecks partly = validator.beginStreaming();
            ProgramFileParser.Parsed reported = parse(origin, input, problems,
                    p -> parser.report(p, problems, partly, new ProgramFileParser.Streaming(null, false, false)));
            if (!reported.ok()) {
                all = new ArrayList<>(reported.problems());
                all.addAll(partly.finishPartly(reported.editionsAndPartnersWhole()).problems());
            }
            throw new ProgramLoadException(origin, new ValidationReport(locate(all, problems, input, true)));
        }
        ValidationReport report = checks.finishStreamed();
        if (report.hasErrors() && !warnings) {
            // Refused with its warnings too, as read(Path) refuses it.
            return scan(file, (index, activity, span) -> { }, true);
        }
        if (report.hasErrors()) {
            throw new ProgramLoadException(origin, new ValidationReport(locate(report.problems(), problems, input,
                    true)));
        }
        return new ProgramScan(parsed.data().editions(), parsed.data().partners(), streamed.count(),
                placed(report, problems, input));
    }

    /**
     * The warnings of a valid file at their lines and columns, as an invalid file's problems are: found by one more
     * reading, which holds the warnings' paths and places, and nothing of the activities. That is memory for each
     * warning, not for each activity (a file is expected to have few; a reading that keeps none, an export, pays
     * nothing), and a reading of the file only when it has some.
     */
    private ValidationReport placed(ValidationReport report, JsonProblems problems, Input input) {
        return report.problems().isEmpty() ? report
                : new ValidationReport(locate(report.problems(), problems, input, true));
    }

    /** A streaming reading's outcome and how many activities it read. */
    private record Streamed(ProgramFileParser.Parsed parsed, int count) {
    }

    /** One streaming reading, and a second for the activities when the first put them off. */
    private Streamed stream(String origin, Input input, JsonProblems problems, ElementChecks checks,
            boolean plainFirst, ProgramFileParser.ActivityFound found) throws ProgramLoadException {
        ProgramFileParser.Streaming first = new ProgramFileParser.Streaming(found, true, false);
        ProgramFileParser.Parsed parsed = parse(origin, input, problems,
                p -> parser.parse(p, problems, checks, plainFirst, first));
        if (!parsed.ok() || !first.deferred()) {
            return new Streamed(parsed, first.count());
        }
        ProgramFileParser.Streaming second = new ProgramFileParser.Streaming(found, false, true);
        ProgramFileParser.Parsed activities = parse(origin, input, problems,
                p -> parser.parse(p, problems, checks, plainFirst, second));
        return new Streamed(activities.ok() ? parsed : activities, second.count());
    }

    /** A reading of an open parser. */
    @FunctionalInterface
    private interface Reading {
        ProgramFileParser.Parsed apply(JsonParser p) throws IOException;
    }

    private ProgramFileParser.Parsed parse(String origin, Input input, JsonProblems problems, Reading reading)
            throws ProgramLoadException {
        try (JsonParser p = input.open(factory)) {
            return reading.apply(p);
        } catch (MalformedText e) {
            throw new ProgramLoadException(origin, ValidationReport.of(problems.malformed(e)));
        } catch (IOException e) {
            throw new ProgramLoadException(origin, ValidationReport.failure(origin, e), e);
        }
    }

    ProgramData read(String origin, Input input, boolean readAgain) throws ProgramLoadException {
        JsonProblems problems = new JsonProblems(origin);
        // Elements are checked as they are read, on another core when there is one. Activities are read on the
        // plain path first when the input can be read again, should one of them not be plain.
        ElementChecks checks = validator.begin();
        ProgramFileParser.Parsed parsed = parse(origin, input, problems, checks, readAgain);
        if (parsed.readAgainInOrder()) {
            checks = validator.begin();
            parsed = parse(origin, input, problems, checks, false);
        }
        if (!parsed.ok()) {
            List<Problem> found = parsed.problems();
            if (readAgain) {
                // Read once more to say everything at once: every problem of each element, and those the validator
                // finds in the elements that did read, where databind stopped at the first of each element.
                ElementChecks partly = validator.begin();
                ProgramFileParser.Parsed reported = report(origin, input, problems, partly);
                if (!reported.ok()) {
                    found = new ArrayList<>(reported.problems());
                    found.addAll(partly.finishPartly(reported.editionsAndPartnersWhole()).problems());
                }
            }
            throw new ProgramLoadException(origin, new ValidationReport(locate(found, problems, input, readAgain)));
        }
        ValidationReport report = checks.finish(parsed.data());
        if (report.hasErrors()) {
            throw new ProgramLoadException(origin,
                    new ValidationReport(locate(report.problems(), problems, input, readAgain)));
        }
        return parsed.data();
    }

    private ProgramFileParser.Parsed parse(String origin, Input input, JsonProblems problems, ElementChecks checks,
            boolean plainFirst) throws ProgramLoadException {
        try (JsonParser p = input.open(factory)) {
            return parser.parse(p, problems, checks, plainFirst);
        } catch (MalformedText e) {
            // Met as the parser was made: a file in UTF-16 is recognised by its first bytes.
            throw new ProgramLoadException(origin, ValidationReport.of(problems.malformed(e)));
        } catch (IOException e) {
            throw new ProgramLoadException(origin, ValidationReport.failure(origin, e), e);
        }
    }

    private ProgramFileParser.Parsed report(String origin, Input input, JsonProblems problems, ElementChecks checks)
            throws ProgramLoadException {
        try (JsonParser p = input.open(factory)) {
            return parser.report(p, problems, checks);
        } catch (MalformedText e) {
            throw new ProgramLoadException(origin, ValidationReport.of(problems.malformed(e)));
        } catch (IOException e) {
            throw new ProgramLoadException(origin, ValidationReport.failure(origin, e), e);
        }
    }

    /**
     * Places problems where their paths are in the file, reading it again if it can be; a stream cannot, and its
     * validation problems keep their paths without lines.
     */
    private List<Problem> locate(List<Problem> found, JsonProblems problems, Input input, boolean readAgain) {
        JsonLocator locator;
        if (readAgain && found.stream().noneMatch(JsonProblems::endsReading)) {
            try {
                locator = JsonLocator.of(input.open(factory), problems.pathsOf(found));
            } catch (IOException e) {
                locator = JsonLocator.none();
            }
        } else {
            locator = JsonLocator.none();
        }
        return problems.relocate(found, locator);
    }
}
