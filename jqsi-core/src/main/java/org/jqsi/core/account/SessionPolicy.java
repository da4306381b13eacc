package org.jqsi.core.account;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a log-in session lasts: it ends after {@code idle} without use, and after {@code absolute} whatever its
 * use (OWASP's Session Management Cheat Sheet: an idle timeout, plus an absolute one).
 *
 * @param idle how long it lasts unused, positive
 * @param absolute how long it lasts at most from the log-in, at least {@code idle}
 */
public record SessionPolicy(Duration idle, Duration absolute) {

    /** Two hours unused, twelve hours at most: a reviewer's working day, without logging in again at lunch. */
    public static final SessionPolicy DEFAULT = new SessionPolicy(Duration.ofHours(2), Duration.ofHours(12));

    /** @throws IllegalArgumentException when a duration is not positive, or absolute is shorter than idle */
    public SessionPolicy {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(absolute, "absolute");
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("durations: 0 < idle <= absolute");
        }
    }
}
