package org.jqsi.ical;

import java.util.List;
import java.util.Map;
import org.jqsi.core.model.Activity;
import org.jqsi.core.validation.Location;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.Severity;

/**
 * What came of importing a feed.
 *
 * @param activities the activities after the import: the existing ones, updated, then the new ones, in feed order
 * @param added the activities the feed brought that did not exist
 * @param changed the existing activities the feed changed, as they are now
 * @param unchanged the existing activities the feed had, identical
 * @param cancelled the existing activities that an earlier import of this feed made and that the feed no longer
 *     has, now marked cancelled (they are not removed: calendars that copied them must learn they are off)
 * @param problems what went wrong, each once, with the feed's {@code UID} and line: errors for events left out,
 *     warnings for events imported with a fallback or for a part dropped alone
 * @param outsideEdition how many events (or occurrences) were left out because they fall outside the edition
 * @param origins where in the feed each imported activity comes from (its event's {@code UID} and line), by activity
 *     id: a problem of the activity in the program is best said there
 */
public record ImportResult(List<Activity> activities, List<Activity> added, List<Activity> changed,
        List<Activity> unchanged, List<Activity> cancelled, List<Problem> problems, int outsideEdition,
        Map<String, Location.CalendarEvent> origins) {

    public ImportResult {
        activities = List.copyOf(activities);
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
        cancelled = List.copyOf(cancelled);
        problems = List.copyOf(problems);
        origins = Map.copyOf(origins);
    }

    /** Whether the import changed anything. */
    public boolean changedAnything() {
        return !added.isEmpty() || !changed.isEmpty() || !cancelled.isEmpty();
    }

    /** How many events were left out because they could not be read (the errors among the problems). */
    public int skipped() {
        return (int) problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
    }

    /** The warnings: what was imported with a fallback, or dropped alone. */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }
}
