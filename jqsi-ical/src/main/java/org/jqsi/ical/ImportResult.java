package org.jqsi.ical;

import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.validation.Problem;

/**
 * What came of importing a feed.
 *
 * @param activities the activities after the import: the existing ones, updated, then the new ones, in feed order
 * @param added the activities the feed brought that did not exist
 * @param changed the existing activities the feed changed, as they are now
 * @param unchanged the existing activities the feed had, identical
 * @param problems one per event that could not be imported, with its {@code UID} and line, and why
 * @param outsideEdition how many events (or occurrences) were left out because they fall outside the edition
 */
public record ImportResult(List<Activity> activities, List<Activity> added, List<Activity> changed,
        List<Activity> unchanged, List<Problem> problems, int outsideEdition) {

    public ImportResult {
        activities = List.copyOf(activities);
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
        problems = List.copyOf(problems);
    }

    /** Whether the import changed anything. */
    public boolean changedAnything() {
        return !added.isEmpty() || !changed.isEmpty();
    }
}
