package org.jqsi.core.submission;

import java.util.List;
import java.util.Objects;
import org.jqsi.core.model.Activity;

/**
 * What approved submissions publish: their activities, each owned by the submission that last approved it
 * ({@link org.jqsi.core.model.Origin#submission(String)}), and a revision that goes up with every approval, by which
 * a server knows that it has to compose its program again.
 *
 * @param revision counts the approvals: 0 before the first; a server that has composed revision {@code r} need not
 *     compose again until the store's revision is higher
 * @param activities the published activities, in the order of their first approval
 */
public record Publication(long revision, List<Activity> activities) {

    /** Nothing published yet. */
    public static final Publication EMPTY = new Publication(0, List.of());

    public Publication {
        if (revision < 0) {
            throw new IllegalArgumentException("revision: at least 0, was " + revision);
        }
        activities = List.copyOf(Objects.requireNonNull(activities, "activities"));
    }
}
