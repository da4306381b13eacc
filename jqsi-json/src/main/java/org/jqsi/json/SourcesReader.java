package org.jqsi.json;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jqsi.core.program.FollowedSource;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.json.internal.JsonLocator;
import org.jqsi.json.internal.JsonProblems;
import org.jqsi.json.internal.SourcesFileParser;

/**
 * Reads sources files ({@link SourcesSchema}; {@code jqsi-server/README.md}, "Sources") as strictly as
 * {@link ProgramReader} reads program files, every problem with the file, line, column and path
 * ({@code sources.json:6:20 (sources[1].refresh)}) in French and English, all at once; a file with any problem gives
 * no source. A source's {@code file} is resolved against the sources file's directory. Thread-safe.
 *
 * <pre>{@code
 * List<FollowedSource> sources = new SourcesReader().read(Path.of("sources.json"));
 * }</pre>
 */
public final class SourcesReader {

    private static final class Shared {
        static final SourcesFileParser PARSER = new SourcesFileParser();
    }

    /** Reads a sources file; its sources' files are relative to its directory. */
    public List<FollowedSource> read(Path file) throws ProgramLoadException {
        Path base = file.toAbsolutePath().getParent();
        return read(file.toString(), base, () -> Shared.PARSER.factory().createParser(Files.newInputStream(file)));
    }

    /**
     * Reads a sources file's text.
     *
     * @param origin what to call it in problems
     * @param base the directory its sources' files are relative to
     */
    public List<FollowedSource> read(String json, String origin, Path base) throws ProgramLoadException {
        return read(origin, base, () -> Shared.PARSER.factory().createParser(new StringReader(json)));
    }

    /**
     * Whether a file is a sources file rather than a program file, by its content (see {@link #read(Path)}). Anything
     * but a regular file is not looked into (a named pipe would block the opening): it is no sources file.
     */
    public static boolean isSourcesFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (JsonParser p = Shared.PARSER.factory().createParser(Files.newInputStream(file))) {
            return Shared.PARSER.looksLikeSources(p);
        } catch (IOException e) {
            return false;
        }
    }

    @FunctionalInterface
    private interface Input {
        JsonParser open() throws IOException;
    }

    private List<FollowedSource> read(String origin, Path base, Input input) throws ProgramLoadException {
        JsonProblems problems = new JsonProblems(origin);
        SourcesFileParser.Parsed parsed;
        try (JsonParser p = input.open()) {
            parsed = Shared.PARSER.parse(p, problems, base);
        } catch (IOException e) {
            throw new ProgramLoadException(origin, ValidationReport.failure(origin, e), e);
        }
        if (parsed.sources() != null) {
            return parsed.sources();
        }
        JsonLocator locator = JsonLocator.none();
        if (parsed.problems().stream().noneMatch(JsonProblems::endsReading)) {
            try {
                locator = JsonLocator.of(input.open(), problems.pathsOf(parsed.problems()));
            } catch (IOException e) {
                locator = JsonLocator.none();
            }
        }
        throw new ProgramLoadException(origin, new ValidationReport(problems.relocate(parsed.problems(), locator)));
    }
}
