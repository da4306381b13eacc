package org.jqsi.server.internal.submissions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.submission.Publication;
import org.jqsi.core.submission.Publishing;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.core.validation.Failures;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.jdbc.DatabaseException;
import org.jqsi.server.internal.ChangingSource;
import org.jqsi.server.internal.FollowingSource;
import org.jqsi.server.internal.ServerMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The program served with the activities that approved submissions publish: the base (the program file, with its
 * sources) read, then the published activities after its own ({@link Publishing#compose}). It has changed when the
 * base has, or the database signalled a new publication revision.
 *
 * <p>A published activity that the program no longer accepts (its id taken since by the file, its partner gone) is
 * left out and said in the log and in {@code /healthz}; the others are served. When the database cannot be read, the
 * last publication read keeps serving, and the next signal or check tries again. Thread-safe.
 */
public final class SubmittedSource implements FollowingSource {

    private static final Logger LOG = LoggerFactory.getLogger(SubmittedSource.class);

    private final ProgramSource base;
    private final SubmissionStore store;
    private final PublicationWatch watch;
    private final String database;
    private final ProgramValidator validator;
    private final Clock clock;
    private final Language language;
    private AutoCloseable watching;
    /** The highest revision the database signalled; -1 before any. */
    private volatile long signalled = -1;
    private Publication composed;
    private Map<String, List<Problem>> leftOut = Map.of();
    private Instant lastRead;
    /** The base as the last {@link #read()} read it; null before. */
    private volatile ProgramData lastBase;
    private Instant lastErrorAt;
    private LocalizedText lastError;

    /**
     * @param base the program file, or the program file with its sources
     * @param database what to call the database in the health report ({@code embedded database in /var/lib/jqsi})
     * @param language the language of the log
     */
    public SubmittedSource(ProgramSource base, SubmissionStore store, PublicationWatch watch, String database,
            ProgramValidator validator, Clock clock, Language language) {
        this.base = Objects.requireNonNull(base, "base");
        this.store = Objects.requireNonNull(store, "store");
        this.watch = Objects.requireNonNull(watch, "watch");
        this.database = Objects.requireNonNull(database, "database");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.language = Objects.requireNonNull(language, "language");
    }

    /** The program file, or the program file with its sources. */
    public ProgramSource base() {
        return base;
    }

    /**
     * The program file (with its sources) as the last {@link #read()} read it: what is served now under the published
     * activities, without reading it again (a URL fetched, sources composed); empty before the first read.
     */
    public Optional<ProgramData> lastBase() {
        return Optional.ofNullable(lastBase);
    }

    @Override
    public synchronized void start(Runnable onChange) {
        if (base instanceof FollowingSource following) {
            following.start(onChange);
        }
        if (watching == null) {
            watching = watch.watch(revision -> {
                signalled = Math.max(signalled, revision);
                if (hasNewRevision()) {
                    onChange.run();
                }
            });
        }
    }

    @Override
    public synchronized void stop() {
        if (base instanceof FollowingSource following) {
            following.stop();
        }
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception e) {
                LOG.debug("closing the publication watch", e);
            }
            watching = null;
        }
    }

    @Override
    public boolean hasChanged() {
        return hasNewRevision() || base instanceof ChangingSource changing && changing.hasChanged();
    }

    private synchronized boolean hasNewRevision() {
        return composed == null || signalled > composed.revision();
    }

    @Override
    public ProgramData read() throws ProgramLoadException {
        ProgramData own = base.read();
        lastBase = own;
        Publication publication = publication();
        Publishing.Composition composition = Publishing.compose(own, publication.activities(), validator);
        synchronized (this) {
            if (!composition.leftOut().keySet().equals(leftOut.keySet())) {
                composition.leftOut().forEach((id, problems) -> LOG.warn(ServerMessages.message(language,
                        "submissions.left-out", id, problems.stream().map(p -> p.format(language)).toList())));
            }
            leftOut = composition.leftOut();
        }
        return composition.program();
    }

    /** What approvals publish now; the last one read when the database cannot be read. */
    private Publication publication() {
        try {
            Publication read = store.publication();
            synchronized (this) {
                if (lastError != null) {
                    LOG.info(ServerMessages.message(language, "submissions.database-back", database));
                }
                composed = read;
                lastRead = clock.instant();
                lastError = null;
                return read;
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                LocalizedText why = e instanceof DatabaseException database ? database.text() : Failures.describe(e);
                if (lastError == null) {
                    LOG.warn(ServerMessages.message(language, "submissions.database-unreadable", database,
                            why.in(language)));
                }
                lastError = why;
                lastErrorAt = clock.instant();
                // Not marked composed: the next check tries the database again.
                return composed == null ? Publication.EMPTY : composed;
            }
        }
    }

    @Override
    public String describe() {
        return base.describe();
    }

    /** How the submissions stand, for {@code /healthz}. */
    public synchronized Health health() {
        return new Health(database, composed == null ? 0 : composed.revision(),
                composed == null ? 0 : composed.activities().size(), leftOut, lastRead, lastErrorAt, lastError);
    }

    /**
     * @param database what the database is
     * @param revision the publication revision composed
     * @param published how many activities approvals publish
     * @param leftOut those left out, by id, with why
     * @param lastRead when the database was last read
     * @param lastErrorAt when it last could not be, or {@code null}
     * @param lastError why, or {@code null} when the last read succeeded
     */
    public record Health(String database, long revision, int published, Map<String, List<Problem>> leftOut,
            Instant lastRead, Instant lastErrorAt, LocalizedText lastError) {
    }
}
