package org.jqsi.core.submission;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jqsi.core.model.Region;

/**
 * Which submissions to list: by state and by region, newest first, at most {@code limit}.
 *
 * @param states the states wanted; empty for every state
 * @param regions the regions wanted; empty for every region. Province-wide submissions (no region) are listed only
 *     with {@link #provinceWide}
 * @param provinceWide whether to list submissions without a region when regions are given
 * @param limit the most listed, at least 1
 */
public record SubmissionFilter(Set<SubmissionState> states, Set<Region> regions, boolean provinceWide, int limit) {

    /** The most a list gives unless told otherwise. */
    public static final int DEFAULT_LIMIT = 500;

    /** Every submission, newest first. */
    public static final SubmissionFilter ALL = new SubmissionFilter(Set.of(), Set.of(), true, DEFAULT_LIMIT);

    public SubmissionFilter {
        states = states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        regions = regions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(regions));
        if (limit < 1) {
            throw new IllegalArgumentException("limit: at least 1, was " + limit);
        }
    }

    /** Those in a state. */
    public SubmissionFilter inState(SubmissionState state) {
        return new SubmissionFilter(Set.of(Objects.requireNonNull(state, "state")), regions, provinceWide, limit);
    }

    /** Those of some regions (and not the province-wide ones). */
    public SubmissionFilter inRegions(Set<Region> wanted) {
        return new SubmissionFilter(states, wanted, false, limit);
    }

    /** Whether a submission is one of those wanted (the limit aside). */
    public boolean accepts(Submission submission) {
        Region region = submission.region();
        return (states.isEmpty() || states.contains(submission.state()))
                && (regions.isEmpty() || (region == null ? provinceWide : regions.contains(region)));
    }
}
