package org.jqsi.web.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.Program;

/**
 * The {@code Last-Modified} of the widget's responses: when this server first served the program's version, to the
 * second. The same on every server for the same program apart from their clocks, so caches and a load balancer in
 * front of several servers rely on the {@link EntityTag} first.
 */
final class LastModified {

    private record Seen(String version, Instant at) {
    }

    private final Clock clock;
    private final AtomicReference<Seen> seen = new AtomicReference<>();

    LastModified(Clock clock) {
        this.clock = clock;
    }

    /**
     * When a response about the program last changed: when its version first showed up here, to the second, or,
     * for a response that shows the edition of the day (no edition asked), the start of today in Eastern time if
     * that is later, since the featured edition changes only from one Eastern day to the next.
     */
    Instant of(Program program, boolean showsTodaysEdition) {
        Instant seen = of(program);
        if (!showsTodaysEdition) {
            return seen;
        }
        Instant today = LocalDate.now(clock.withZone(Region.EASTERN)).atStartOfDay(Region.EASTERN).toInstant();
        return today.isAfter(seen) ? today : seen;
    }

    /** When the program being served first showed up here, to the second. */
    Instant of(Program program) {
        Seen current = seen.get();
        if (current == null || !current.version().equals(program.version())) {
            Seen fresh = new Seen(program.version(), clock.instant().truncatedTo(ChronoUnit.SECONDS));
            // Another thread may have recorded the same version a moment earlier: keep the first.
            current = seen.updateAndGet(s -> s != null && s.version().equals(fresh.version()) ? s : fresh);
        }
        return current.at();
    }
}
