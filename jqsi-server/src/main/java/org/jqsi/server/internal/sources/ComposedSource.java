package org.jqsi.server.internal.sources;

import java.util.Objects;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.server.internal.ChangingSource;
import org.jqsi.server.internal.FollowingSource;

/**
 * The program served with sources: the program file (or URL) composed with the sources the server follows
 * ({@link FollowedSources#compose}). It has changed when the program file has, or a source has a new copy; the
 * {@link org.jqsi.server.internal.ProgramWatcher} starts and stops the sources with itself.
 */
public final class ComposedSource implements FollowingSource {

    private final ProgramSource file;
    private final FollowedSources sources;

    public ComposedSource(ProgramSource file, FollowedSources sources) {
        this.file = Objects.requireNonNull(file, "file");
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    /** The sources it follows. */
    public FollowedSources sources() {
        return sources;
    }

    @Override
    public void start(Runnable onChange) {
        sources.start(onChange);
    }

    @Override
    public void stop() {
        sources.stop();
    }

    @Override
    public ProgramData read() throws ProgramLoadException {
        ProgramData content;
        try {
            content = file.read();
        } catch (ProgramLoadException e) {
            sources.notComposed();
            throw e;
        }
        return sources.compose(content, file.describe());
    }

    @Override
    public boolean hasChanged() {
        return sources.hasNewCopy() || file instanceof ChangingSource changing && changing.hasChanged();
    }

    @Override
    public String describe() {
        return file.describe();
    }
}
