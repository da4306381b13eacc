package org.jqsi.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.Query;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Region;
import org.jqsi.core.submission.Publication;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.core.submission.SubmissionEvent;
import org.jqsi.core.submission.SubmissionFilter;
import org.jqsi.core.submission.SubmissionState;
import org.jqsi.core.submission.Submitter;
import org.jqsi.json.ActivityJson;

/**
 * The SQL of the submissions' tables ({@code V1__submissions.sql}), on a handle whose transaction the caller holds:
 * rows read into the domain's records and written from them. No rule of the domain is decided here.
 */
public final class SubmissionTables {

    private static final String COLUMNS = "id, kind, target_id, state, activity, submitter_organisation, "
            + "submitter_email";

    private SubmissionTables() {
    }

    /** Keeps a new submission: its row and the first event of its history. */
    public static void insert(Handle handle, Submission submission, String statusKeyHash) {
        handle.createUpdate("INSERT INTO submissions (id, kind, target_id, region, state, activity, "
                        + "submitter_organisation, submitter_email, status_key_hash, submitted_at, updated_at, version) "
                        + "VALUES (:id, :kind, :target, :region, :state, :activity, :organisation, :email, :hash, "
                        + ":submitted, :updated, :version)")
                .bind("id", submission.id())
                .bind("kind", submission.kind().code())
                .bind("target", submission.targetId())
                .bind("region", region(submission))
                .bind("state", submission.state().code())
                .bind("activity", ActivityJson.write(submission.activity()))
                .bind("organisation", submission.submitter().organisation())
                .bind("email", submission.submitter().email())
                .bind("hash", statusKeyHash)
                .bind("submitted", instant(submission.submittedAt()))
                .bind("updated", instant(submission.updatedAt()))
                .bind("version", submission.version())
                .execute();
        appendEvent(handle, submission, 1);
    }

    /**
     * Keeps what an action made of a submission read at {@code readVersion}: its row, and its last event.
     *
     * @return whether it was still at that version (nothing is written when not)
     */
    public static boolean update(Handle handle, Submission next, int readVersion) {
        int rows = handle.createUpdate("UPDATE submissions SET region = :region, state = :state, activity = :activity, "
                        + "updated_at = :updated, version = :version WHERE id = :id AND version = :read")
                .bind("region", region(next))
                .bind("state", next.state().code())
                .bind("activity", ActivityJson.write(next.activity()))
                .bind("updated", instant(next.updatedAt()))
                .bind("version", next.version())
                .bind("id", next.id())
                .bind("read", readVersion)
                .execute();
        if (rows == 0) {
            return false;
        }
        appendEvent(handle, next, next.version());
        return true;
    }

    private static void appendEvent(Handle handle, Submission submission, int seq) {
        SubmissionEvent event = submission.history().get(seq - 1);
        boolean proposes = event.action() == SubmissionAction.SUBMIT || event.action() == SubmissionAction.EDIT;
        handle.createUpdate("INSERT INTO submission_events (submission_id, seq, acted_at, actor, action, state, note, "
                        + "activity) VALUES (:id, :seq, :at, :actor, :action, :state, :note, :activity)")
                .bind("id", submission.id())
                .bind("seq", seq)
                .bind("at", instant(event.at()))
                .bind("actor", event.actor())
                .bind("action", event.action().code())
                .bind("state", event.state().code())
                .bind("note", event.note())
                .bind("activity", proposes ? ActivityJson.write(submission.activity()) : null)
                .execute();
    }

    /**
     * The submission of an id, its row locked until the transaction ends when {@code lock}: whoever else acts on it
     * waits, then reads what this transaction left.
     */
    public static Optional<Submission> byId(Handle handle, String id, boolean lock) {
        return one(handle, handle.createQuery("SELECT " + COLUMNS + " FROM submissions WHERE id = :id"
                + (lock ? " FOR UPDATE" : "")).bind("id", id));
    }

    /** The submission whose status key has this hash. */
    public static Optional<Submission> byStatusKeyHash(Handle handle, String hash) {
        return one(handle, handle.createQuery("SELECT " + COLUMNS + " FROM submissions WHERE status_key_hash = :hash")
                .bind("hash", hash));
    }

    /** The submissions a filter wants, newest first. */
    public static List<Submission> list(Handle handle, SubmissionFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM submissions WHERE 1 = 1");
        if (!filter.states().isEmpty()) {
            sql.append(" AND state IN (<states>)");
        }
        if (!filter.regions().isEmpty()) {
            sql.append(" AND (region IN (<regions>)").append(filter.provinceWide() ? " OR region IS NULL)" : ")");
        }
        sql.append(" ORDER BY submitted_at DESC, id DESC LIMIT :limit");
        Query query = handle.createQuery(sql.toString()).bind("limit", filter.limit());
        if (!filter.states().isEmpty()) {
            query.bindList("states", filter.states().stream().map(SubmissionState::code).sorted().toList());
        }
        if (!filter.regions().isEmpty()) {
            query.bindList("regions", filter.regions().stream().map(Region::code).sorted().toList());
        }
        return withHistories(handle, query.map(SubmissionTables::row).list());
    }

    /** Locks what is published until the transaction ends (approvals wait for each other); its revision. */
    public static long lockPublication(Handle handle) {
        return handle.createQuery("SELECT revision FROM publication WHERE id = 1 FOR UPDATE").mapTo(Long.class).one();
    }

    /** The revision of what is published. */
    public static long publicationRevision(Handle handle) {
        return handle.createQuery("SELECT revision FROM publication WHERE id = 1").mapTo(Long.class).one();
    }

    /** What is published, read in one statement so that the revision and the activities agree. */
    public static Publication publication(Handle handle) {
        long[] revision = {0};
        List<Activity> activities = new ArrayList<>();
        handle.createQuery("SELECT p.revision, a.activity FROM publication p LEFT JOIN published_activities a "
                        + "ON 1 = 1 WHERE p.id = 1 ORDER BY a.ordinal")
                .map((rs, ctx) -> {
                    revision[0] = rs.getLong(1);
                    String json = rs.getString(2);
                    if (json != null) {
                        activities.add(ActivityJson.read(json));
                    }
                    return Boolean.TRUE;
                })
                .list();
        return new Publication(revision[0], activities);
    }

    /** The published activities by id, in their order, with their place. */
    public static Map<String, Integer> publishedOrdinals(Handle handle) {
        Map<String, Integer> ordinals = new LinkedHashMap<>();
        handle.createQuery("SELECT activity_id, ordinal FROM published_activities ORDER BY ordinal")
                .map((rs, ctx) -> ordinals.put(rs.getString(1), rs.getInt(2)))
                .list();
        return ordinals;
    }

    /**
     * Publishes an activity, as approving {@code submissionId} made it: in the place of the activity of its id, or
     * after the last.
     */
    public static void publish(Handle handle, Activity activity, String submissionId, Map<String, Integer> ordinals) {
        String json = ActivityJson.write(activity);
        if (ordinals.containsKey(activity.id())) {
            handle.createUpdate("UPDATE published_activities SET activity = :activity, submission_id = :submission "
                            + "WHERE activity_id = :id")
                    .bind("activity", json).bind("submission", submissionId).bind("id", activity.id()).execute();
        } else {
            int next = ordinals.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            handle.createUpdate("INSERT INTO published_activities (activity_id, submission_id, ordinal, activity) "
                            + "VALUES (:id, :submission, :ordinal, :activity)")
                    .bind("id", activity.id()).bind("submission", submissionId).bind("ordinal", next)
                    .bind("activity", json).execute();
        }
    }

    /** One more revision of what is published; the new revision. */
    public static long raiseRevision(Handle handle, long current) {
        handle.createUpdate("UPDATE publication SET revision = :next WHERE id = 1").bind("next", current + 1).execute();
        return current + 1;
    }

    private static Optional<Submission> one(Handle handle, Query query) {
        return withHistories(handle, query.map(SubmissionTables::row).list()).stream().findFirst();
    }

    /** What a row holds; its history is read after. */
    private record Row(String id, Submission.Kind kind, String targetId, SubmissionState state, Activity activity,
            Submitter submitter) {
    }

    private static Row row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Row(rs.getString("id"),
                code(Submission.Kind.ofCode(rs.getString("kind")), "kind", rs.getString("kind")),
                rs.getString("target_id"),
                code(SubmissionState.ofCode(rs.getString("state")), "state", rs.getString("state")),
                ActivityJson.read(rs.getString("activity")),
                new Submitter(rs.getString("submitter_organisation"), rs.getString("submitter_email")));
    }

    private static List<Submission> withHistories(Handle handle, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<SubmissionEvent>> histories = handle.createQuery("SELECT submission_id, acted_at, actor, "
                        + "action, state, note FROM submission_events WHERE submission_id IN (<ids>) "
                        + "ORDER BY submission_id, seq")
                .bindList("ids", rows.stream().map(Row::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getString("submission_id"), new SubmissionEvent(
                        rs.getObject("acted_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"),
                        code(SubmissionAction.ofCode(rs.getString("action")), "action", rs.getString("action")),
                        code(SubmissionState.ofCode(rs.getString("state")), "state", rs.getString("state")),
                        rs.getString("note"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<Submission> submissions = new ArrayList<>(rows.size());
        for (Row row : rows) {
            submissions.add(new Submission(row.id(), row.kind(), row.targetId(), row.activity(), row.submitter(),
                    row.state(), histories.getOrDefault(row.id(), List.of())));
        }
        return submissions;
    }

    private static <T> T code(Optional<T> value, String column, String code) {
        return value.orElseThrow(() -> new IllegalStateException(
                "the database holds a " + column + " that this jqsi does not know, " + code
                        + ": a newer jqsi wrote it"));
    }

    private static String region(Submission submission) {
        return submission.region() == null ? null : submission.region().code();
    }

    /**
     * An instant as a {@code TIMESTAMP WITH TIME ZONE} in UTC, to the millisecond (the history's precision): bound as
     * an {@link OffsetDateTime}, which both drivers keep as it is, whatever the JVM's zone.
     */
    static Argument instant(Instant at) {
        OffsetDateTime utc = OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, utc, Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
