package org.jqsi.sheets.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.sheets.SheetTarget;

/**
 * Merges a sheet's rows into the existing activities by id, with the rules of {@code import-ics} (jqsi-ical's
 * {@code FeedMerge}): the revision goes up, and the last-modified moves, only when the schedule or the status
 * changes, and a moved activity is marked rescheduled with its previous start, so that importing the same sheet twice
 * changes nothing; an activity an earlier import of the sheet made that the sheet no longer has is marked cancelled,
 * not removed (calendars that copied it must learn it is off).
 *
 * <p>Unlike a feed, a sheet says what its columns say: the row replaces every part its sheet has a column for (the
 * title and schedule always; the kind, description, place, partners, registration, admission, languages,
 * audiences, theme tags and links when the sheet has their columns; the region when it has its column or the
 * import gives one; the status always, « prévue » when empty) and keeps the others (the people, and whatever the
 * sheet has no column for).
 *
 * <p><b>Ownership.</b> The rows come with the ids the ownership rule gave them ({@link
 * org.jqsi.core.program.SourceIds}, applied by {@link SheetRun}): an existing activity of the same id is the
 * sheet's own, or one an earlier import made before activities said their origin, which the row adopts (it then says
 * its origin). Only the activities whose origin is the sheet's source are cancelled when they leave the sheet.
 */
final class SheetMerge {

    private final SheetTarget target;
    private final Coverage coverage;
    private final Clock clock;
    private final Map<String, Activity> byId = new LinkedHashMap<>();
    private final Set<String> merged = new HashSet<>();
    private final List<Activity> added = new ArrayList<>();
    private final List<Activity> changed = new ArrayList<>();
    private final List<Activity> unchanged = new ArrayList<>();
    private final List<Activity> cancelled = new ArrayList<>();

    /**
     * Which parts of an existing activity a sheet's row replaces.
     */
    record Coverage(boolean kind, boolean titleEn, boolean description, boolean place, boolean region,
            boolean partners, boolean registration, boolean admission, boolean languages, boolean audiences,
            boolean themes, boolean links) {

        static Coverage of(Headers headers, SheetTarget target) {
            return new Coverage(headers.has(Column.KIND), headers.has(Column.TITLE_EN),
                    headers.has(Column.DESCRIPTION_FR) || headers.has(Column.DESCRIPTION_EN),
                    any(headers, Column.MODE, Column.VENUE, Column.STREET, Column.MUNICIPALITY, Column.POSTAL_CODE,
                            Column.LATITUDE, Column.LONGITUDE, Column.ONLINE_URL, Column.PLATFORM, Column.HOST),
                    headers.has(Column.REGION) || target.region() != null, headers.has(Column.PARTNERS),
                    any(headers, Column.REGISTRATION, Column.REGISTRATION_URL, Column.REGISTRATION_CONTACT,
                            Column.REGISTRATION_DEADLINE),
                    headers.has(Column.ADMISSION), headers.has(Column.LANGUAGES), headers.has(Column.AUDIENCES),
                    headers.has(Column.THEMES), headers.has(Column.LINKS));
        }

        private static boolean any(Headers headers, Column... columns) {
            for (Column column : columns) {
                if (headers.has(column)) {
                    return true;
                }
            }
            return false;
        }
    }

    SheetMerge(List<Activity> existing, SheetTarget target, Coverage coverage, Clock clock) {
        this.target = target;
        this.coverage = coverage;
        this.clock = clock;
        for (Activity activity : existing) {
            byId.put(activity.id(), activity);
        }
    }

    /** Merges one row's activity, under the id the ownership rule gave it. */
    void merge(Activity row) {
        merged.add(row.id());
        Activity old = byId.get(row.id());
        if (old == null) {
            Activity fresh = row.toBuilder().lastModified(clock.instant()).build();
            byId.put(fresh.id(), fresh);
            added.add(fresh);
            return;
        }
        // "Rescheduled" is jqsi's word for a move it saw; the sheet just says the activity is on.
        Status status = row.status() == Status.SCHEDULED
                && (old.status() == Status.RESCHEDULED || old.status() == Status.MOVED_ONLINE)
                ? old.status() : row.status();
        Activity.Builder next = old.toBuilder()
                .title(coverage.titleEn() ? row.title()
                        : new LocalizedText(row.title().fr(), old.title().en()))
                .schedule(row.schedule())
                .status(status)
                // Its owner: an activity an earlier import made, without an origin, is adopted here.
                .origin(row.origin());
        if (coverage.kind()) {
            next.kind(row.kind());
        }
        if (coverage.description()) {
            next.description(row.description());
        }
        if (coverage.place()) {
            next.place(row.place());
        }
        if (coverage.region()) {
            next.region(row.region());
        }
        if (coverage.partners()) {
            next.partners(row.partners());
        }
        if (coverage.registration()) {
            next.registration(row.registration());
        }
        if (coverage.admission()) {
            next.admission(row.admission());
        }
        if (coverage.languages()) {
            next.languages(row.languages());
        }
        if (coverage.audiences()) {
            next.audiences(row.audiences());
        }
        if (coverage.themes()) {
            next.themeTags(row.themeTags());
        }
        if (coverage.links()) {
            next.links(row.links());
        }
        boolean moved = !old.schedule().equals(row.schedule());
        if (moved || old.status() != status) {
            next.revision(old.revision() + 1).lastModified(clock.instant());
            if (moved && status == Status.SCHEDULED && old.schedule() instanceof Schedule.Timed before) {
                next.status(Status.RESCHEDULED).previousStart(before.start());
            }
        }
        Activity result = next.build();
        if (result.equals(old)) {
            unchanged.add(old);
        } else {
            byId.put(result.id(), result);
            changed.add(result);
        }
    }

    /**
     * Marks cancelled every activity of the sheet's source that it no longer has (its revision up), as
     * {@code import-ics} does for the events gone from a feed; one already cancelled is left as it is.
     */
    void cancelMissing() {
        for (Activity old : List.copyOf(byId.values())) {
            if (merged.contains(old.id()) || !old.origin().isSource(target.sourceId())
                    || old.status() == Status.CANCELLED) {
                continue;
            }
            Activity gone = old.toBuilder().status(Status.CANCELLED).revision(old.revision() + 1)
                    .lastModified(clock.instant()).build();
            byId.put(gone.id(), gone);
            cancelled.add(gone);
        }
    }

    List<Activity> activities() {
        return List.copyOf(byId.values());
    }

    List<Activity> added() {
        return added;
    }

    List<Activity> changed() {
        return changed;
    }

    List<Activity> unchanged() {
        return unchanged;
    }

    List<Activity> cancelled() {
        return cancelled;
    }
}
