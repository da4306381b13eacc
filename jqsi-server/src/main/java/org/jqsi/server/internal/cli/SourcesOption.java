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
 * {@code --sources} and {@code --sources-copies} for the commands that must see the program as a server that follows
 * sources serves it ({@code submissions approve}, {@code export}): the program file's activities, then each source's
 * as its last good copy gave them, read from the copies directory and never fetched. A command run beside a server
 * only reads that directory; the server alone writes it.
 */
final class SourcesOption {

    @Option(names = "--sources", paramLabel = "FILE",
            description = "The sources file the servers follow: the activities of their last good copies join the "
                    + "program, as served.")
    Path file;

    @Option(names = "--sources-copies", paramLabel = "DIR",
            description = "Where the servers keep the sources' last good copies (default: FILE.d beside the sources "
                    + "file, sources.json.d).")
    Path copies;

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
