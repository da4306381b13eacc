package org.jqsi.server.internal.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.json.SourcesReader;
import org.jqsi.server.internal.sources.FollowedSources;
import org.jqsi.server.internal.sources.HttpSourceFetch;
import picocli.CommandLine.Option;

/**
 * {@code --sources} and {@code --sources-copies}: the sources file, whose activities join the program, and where the
 * last good copy of each source is kept. {@code serve} fetches the sources and writes the copies; the commands that
 * must see the program as such a server serves it ({@code submissions approve}, {@code export}) compose the program
 * file's activities with each source's as its last good copy gave them, read from the copies directory and never
 * fetched: a command run beside a server only reads that directory.
 */
final class SourcesOption {

    @Option(names = "--sources", paramLabel = "FILE",
            description = "Sources file: partners' iCalendar feeds and spreadsheets whose activities join the "
                    + "program (see the README, Sources). serve fetches each at its own interval; the other commands "
                    + "read the last good copies that the servers keep.")
    Path file;

    @Option(names = "--sources-copies", paramLabel = "DIR",
            description = "Directory of the last good copy of each source, which a server restarted without network "
                    + "serves (default: FILE.d beside the sources file, sources.json.d).")
    Path copies;

    /** Whether {@code --sources} was given. */
    boolean given() {
        return file != null;
    }

    /**
     * Where the last good copies of a sources file's sources are kept: {@code copies} when given, else a directory
     * beside the sources file named after it ({@code sources.json.d}).
     */
    static Path copiesDirectory(Path sourcesFile, Path copies) {
        return copies != null ? copies
                : sourcesFile.toAbsolutePath().resolveSibling(sourcesFile.getFileName() + ".d");
    }

    /**
     * The program file's content with, after its own activities, those each source gave in the program served, in
     * the order of the sources file; the content as it is without {@code --sources}. Not validated here: the caller
     * checks the whole, as a server does when it composes.
     *
     * @throws ProgramLoadException when the sources file cannot be read or is not valid
     */
    ProgramData withLastCopies(ProgramData program, ProgramTools tools, Language language)
            throws ProgramLoadException {
        if (file == null) {
            return program;
        }
        FollowedSources sources = new FollowedSources(new SourcesReader().read(file), copiesDirectory(file, copies),
                new HttpSourceFetch(Duration.ofSeconds(20), HttpSourceFetch.MAX_BYTES), tools.reader(),
                tools.validator(), Clock.systemUTC(), language);
        List<Activity> all = new ArrayList<>(program.activities());
        all.addAll(sources.lastServed());
        return new ProgramData(program.editions(), program.partners(), all);
    }
}
