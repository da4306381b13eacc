package org.jqsi.jdbc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jqsi.core.model.Activity;
import org.jqsi.core.submission.ApprovalRefusedException;
import org.jqsi.core.submission.Publication;
import org.jqsi.core.submission.PublicationCheck;
import org.jqsi.core.submission.Publishing;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.core.submission.SubmissionConflictException;
import org.jqsi.core.submission.SubmissionEvent;
import org.jqsi.core.submission.SubmissionFilter;
import org.jqsi.core.submission.SubmissionIds;
import org.jqsi.core.submission.SubmissionState;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.core.submission.Submitter;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.jdbc.internal.Failures;
import org.jqsi.jdbc.internal.SubmissionTables;

/**
 * Submissions kept in a {@link Database}: each method is one transaction, whichever process (a server, the command
 * line, another server on the same PostgreSQL database) acts at the same moment.
 *
 * <p>An action locks its submission's row, then checks the version its actor read: of two reviewers acting at once,
 * the second waits for the first, then is told ({@link SubmissionConflictException.Reason#ACTED_MEANWHILE}). An
 * approval first locks the publication's one row, so that approvals are done one after the other and each is checked
 * against what the ones before it published; it publishes, raises the revision, and (on PostgreSQL) signals the other
 * servers, all in its transaction: if anything fails or the process dies on the way, nothing of it is kept.
 *
 * <p>Times are kept to the millisecond: the submissions returned carry them so, as they will read later. Failures of
 * the database are {@link DatabaseException}s. Thread-safe.
 */
public final class JdbcSubmissionStore implements SubmissionStore {

    /** The PostgreSQL channel on which an approval signals a new revision (its payload). */
    static final String CHANNEL = "jqsi_publication";

    private final Database database;
    private final Jdbi jdbi;
    private final SubmissionIds ids;

    /** The submissions of a database. */
    public JdbcSubmissionStore(Database database) {
        this(database, new SubmissionIds());
    }

    /** With a given maker of ids and status keys (a seeded one for tests). */
    public JdbcSubmissionStore(Database database, SubmissionIds ids) {
        this.database = Objects.requireNonNull(database, "database");
        this.jdbi = database.jdbi();
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    @Override
    public Created submit(Submission.Kind kind, String targetId, Activity activity, Submitter submitter, Instant at) {
        String statusKey = ids.newStatusKey();
        Submission submission = new Submission(ids.newId(), kind, targetId, activity, submitter,
                SubmissionState.PENDING, List.of(new SubmissionEvent(millis(at), SubmissionEvent.SUBMITTER,
                        SubmissionAction.SUBMIT, SubmissionState.PENDING, null)));
        run(handle -> {
            SubmissionTables.insert(handle, submission, SubmissionIds.hashStatusKey(statusKey));
            return null;
        });
        return new Created(submission, statusKey);
    }

    @Override
    public Optional<Submission> find(String id) {
        return run(handle -> SubmissionTables.byId(handle, id, false));
    }

    @Override
    public Optional<Submission> findByStatusKey(String statusKey) {
        String hash = SubmissionIds.hashStatusKey(statusKey);
        return run(handle -> SubmissionTables.byStatusKeyHash(handle, hash));
    }

    @Override
    public List<Submission> list(SubmissionFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return run(handle -> SubmissionTables.list(handle, filter));
    }

    @Override
    public Submission act(String id, int version, SubmissionAction action, String actor, String note, Activity edited,
            Instant at) throws SubmissionConflictException {
        if (action == SubmissionAction.APPROVE || action == SubmissionAction.SUBMIT) {
            throw new IllegalArgumentException("action: " + action.code() + " is not done by act");
        }
        if ((action == SubmissionAction.EDIT) != (edited != null)) {
            throw new IllegalArgumentException("edited: the activity of an edit, and only of an edit");
        }
        Objects.requireNonNull(actor, "actor");
        Instant when = millis(at);
        try {
            return run(handle -> {
                Submission current = actable(handle, id, version, action, note);
                Submission next = next(current, action, actor, note, edited, when);
                if (!SubmissionTables.update(handle, next, version)) {
                    throw SubmissionConflictException.actedMeanwhile(SubmissionTables.byId(handle, id, false)
                            .orElseThrow());
                }
                return next;
            });
        } catch (SubmissionConflictException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Submission approve(String id, int version, String actor, String note, Instant at, PublicationCheck check)
            throws SubmissionConflictException, ApprovalRefusedException {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(check, "check");
        Instant when = millis(at);
        try {
            return run(handle -> {
                // First the publication, then the submission: every approval locks in this order, so none waits for
                // another in a circle.
                long revision = SubmissionTables.lockPublication(handle);
                Submission current = actable(handle, id, version, SubmissionAction.APPROVE, note);
                Map<String, Integer> ordinals = SubmissionTables.publishedOrdinals(handle);
                List<Activity> published = SubmissionTables.publication(handle).activities();
                List<Activity> next = Publishing.approve(published, current, when);
                Activity approved = next.stream().filter(a -> a.id().equals(current.activity().id())).findFirst()
                        .orElseThrow();
                Submission done = next(current, SubmissionAction.APPROVE, actor, note, null, when);
                SubmissionTables.publish(handle, approved, id, ordinals);
                if (!SubmissionTables.update(handle, done, version)) {
                    throw SubmissionConflictException.actedMeanwhile(SubmissionTables.byId(handle, id, false)
                            .orElseThrow());
                }
                long raised = SubmissionTables.raiseRevision(handle, revision);
                if (database.vendor() == Database.Vendor.POSTGRESQL) {
                    // Delivered to the listening servers when this transaction commits, and only then.
                    handle.createQuery("SELECT pg_notify(:channel, :revision)").bind("channel", CHANNEL)
                            .bind("revision", Long.toString(raised)).mapTo(String.class).one();
                }
                // The check is the last step before the commit: a refusal, or a process that dies while it runs,
                // leaves everything written above unwritten.
                ValidationReport report = check.check(List.copyOf(next), approved);
                if (report.hasErrors()) {
                    throw new ApprovalRefusedException(id, report);
                }
                return done;
            });
        } catch (SubmissionConflictException | ApprovalRefusedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Publication publication() {
        return run(SubmissionTables::publication);
    }

    @Override
    public long publicationRevision() {
        return run(SubmissionTables::publicationRevision);
    }

    /** The submission, locked, if the action can be done to it on the version read. */
    private static Submission actable(Handle handle, String id, int version, SubmissionAction action, String note)
            throws SubmissionConflictException {
        Submission current = SubmissionTables.byId(handle, id, true)
                .orElseThrow(() -> SubmissionConflictException.notFound(id));
        if (current.version() != version) {
            throw SubmissionConflictException.actedMeanwhile(current);
        }
        if (!action.allowedFrom(current.state())) {
            throw SubmissionConflictException.notAllowed(current, action);
        }
        if (action.needsNote() && (note == null || note.isBlank())) {
            throw SubmissionConflictException.noteRequired(current, action);
        }
        return current;
    }

    /** The submission once the action is done. */
    private static Submission next(Submission current, SubmissionAction action, String actor, String note,
            Activity edited, Instant at) {
        List<SubmissionEvent> history = new ArrayList<>(current.history());
        history.add(new SubmissionEvent(at, actor, action, action.leadsTo(), note));
        return new Submission(current.id(), current.kind(), current.targetId(),
                edited == null ? current.activity() : edited, current.submitter(), action.leadsTo(), history);
    }

    /** In one transaction; the database's failures as {@link DatabaseException}s. */
    private <T, X extends Exception> T run(HandleCallback<T, X> work) throws X {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw Failures.working(database.description(), e);
        }
    }

    private static Instant millis(Instant at) {
        return Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    }
}
