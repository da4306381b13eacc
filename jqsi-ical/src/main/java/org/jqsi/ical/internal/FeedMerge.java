package org.jqsi.ical.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;

/**
 * Merges imported activities into existing ones by id (so by {@code UID}). The feed owns what it says (title,
 * description, times, place, status, links); what jqsi added (kind, people, theme tags, registration) stays. The
 * revision goes up, and the last-modified moves, only when the time or the status changes, so importing the same
 * feed twice changes nothing.
 */
public final class FeedMerge {

    private final Clock clock;
    private final Map<String, Activity> byId = new LinkedHashMap<>();
    private final List<Activity> added = new ArrayList<>();
    private final List<Activity> changed = new ArrayList<>();
    private final List<Activity> unchanged = new ArrayList<>();
    private final List<Activity> cancelled = new ArrayList<>();
    private final Set<String> merged = new java.util.HashSet<>();

    public FeedMerge(List<Activity> existing, Clock clock) {
        this.clock = clock;
        for (Activity activity : existing) {
            byId.put(activity.id(), activity);
        }
    }

    /** Merges one imported activity. */
    public void merge(Activity imported) {
        merged.add(imported.id());
        Activity old = byId.get(imported.id());
        if (old == null) {
            byId.put(imported.id(), imported);
            added.add(imported);
            return;
        }
        // "Rescheduled" is jqsi's word for a move it saw; the feed just says the event is on.
        Status status = imported.status() == Status.SCHEDULED
                && (old.status() == Status.RESCHEDULED || old.status() == Status.MOVED_ONLINE)
                ? old.status() : imported.status();
        Activity.Builder merged = old.toBuilder()
                .title(imported.title())
                .description(imported.description())
                .schedule(imported.schedule())
                .place(imported.place() != null ? imported.place() : old.place())
                .status(status)
                .links(imported.links().isEmpty() ? old.links() : imported.links())
                // Its owner: an activity an earlier import made, without an origin, is adopted here.
                .origin(imported.origin());
        boolean moved = !old.schedule().equals(imported.schedule());
        boolean statusChanged = old.status() != status;
        if (moved || statusChanged) {
            merged.revision(Math.max(old.revision() + 1, imported.revision()));
            merged.lastModified(imported.lastModified() != null && (old.lastModified() == null
                    || imported.lastModified().isAfter(old.lastModified())) ? imported.lastModified() : clock.instant());
            if (moved && status == Status.SCHEDULED && old.schedule() instanceof Schedule.Timed before) {
                merged.status(Status.RESCHEDULED).previousStart(before.start());
            }
        } else if (imported.lastModified() != null && !Objects.equals(imported.lastModified(), old.lastModified())) {
            merged.lastModified(imported.lastModified());
        }
        Activity result = merged.build();
        if (result.equals(old)) {
            unchanged.add(old);
        } else {
            byId.put(result.id(), result);
            changed.add(result);
        }
    }

    /**
     * Marks cancelled every activity the feed made before and no longer has (an event deleted from the partner's
     * calendar, an occurrence that a shortened RRULE no longer gives): cancelled rather than removed, so that the
     * calendars that copied it from jqsi's feeds see it cancelled (RFC 5546), instead of keeping it forever. Its
     * revision goes up; one already cancelled is left as it is.
     *
     * @param ownedByFeed which existing activities the feed made
     * @param keep activities the feed still names although it could not import them this time (a broken event):
     *     they stay as they were
     */
    public void cancelMissing(Predicate<Activity> ownedByFeed, Predicate<Activity> keep) {
        for (Activity old : List.copyOf(byId.values())) {
            if (merged.contains(old.id()) || !ownedByFeed.test(old) || keep.test(old)
                    || old.status() == Status.CANCELLED) {
                continue;
            }
            Activity gone = old.toBuilder().status(Status.CANCELLED).revision(old.revision() + 1)
                    .lastModified(clock.instant()).build();
            byId.put(gone.id(), gone);
            cancelled.add(gone);
        }
    }

    /** The activities {@link #cancelMissing} cancelled. */
    public List<Activity> cancelled() {
        return cancelled;
    }

    public List<Activity> activities() {
        return List.copyOf(byId.values());
    }

    public List<Activity> added() {
        return added;
    }

    public List<Activity> changed() {
        return changed;
    }

    public List<Activity> unchanged() {
        return unchanged;
    }
}
