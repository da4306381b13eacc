package org.jqsi.server.internal.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.FollowedSource;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.SourcesReader;

/**
 * The sample's sources as a server leaves them: their files copied into a directory beside a copy of the sample's
 * sources file, fetched once and served with the sample program, so that their last good copies are in
 * {@code sources.json.d}. For the commands that read those copies.
 */
public final class SampleSourceCopies {

    private SampleSourceCopies() {
    }

    /**
     * Makes them in a directory.
     *
     * @return the sources' activities, as the program served them
     */
    public static List<Activity> in(Path directory) throws IOException, ProgramLoadException {
        for (String name : List.of("sources.json", "cs3r-agenda.ics", "sample-activities.csv")) {
            Files.copy(Path.of("sample", name), directory.resolve(name));
        }
        ProgramValidator validator = new ProgramValidator();
        ProgramReader reader = new ProgramReader(validator);
        List<FollowedSource> sources = new SourcesReader().read(directory.resolve("sources.json"));
        FollowedSources followed = new FollowedSources(sources, directory.resolve("sources.json.d"),
                new HttpSourceFetch(Duration.ofSeconds(5), HttpSourceFetch.MAX_BYTES), reader, validator,
                Clock.systemUTC(), Language.EN);
        CurrentProgram program = CurrentProgram.load(new ComposedSource(ProgramFileSource.sample(reader), followed),
                validator, Clock.systemUTC());
        sources.forEach(source -> followed.check(source.id()));
        if (!program.reload().applied()) {
            throw new IllegalStateException("the sample sources did not compose with the sample program");
        }
        return program.get().activities().stream().filter(a -> !a.origin().isProgramFile()).toList();
    }
}
