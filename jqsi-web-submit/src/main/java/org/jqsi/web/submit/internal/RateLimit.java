package org.jqsi.web.submit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many submissions each client may still send: a token bucket per client, holding up to {@code burst} tokens
 * and given {@code perWindow} of them in each {@code window}, at an even pace (one every {@code window / perWindow}).
 * A submission takes one; with none left, the client is told how long until the next one.
 *
 * <p>Kept as the generic cell rate algorithm does, exactly in integer nanoseconds: per client, the time at which its
 * bucket would be full again. A client is let through while that time is less than {@code burst - 1} intervals
 * ahead. Clients whose bucket is full again are forgotten when many clients are known, so that memory follows the
 * clients of the last window, not every client ever seen. Time is the given {@link Clock}'s. Thread-safe.
 */
final class RateLimit {

    /** Beyond this many clients known, those whose bucket is full again are swept away first. */
    private static final int SWEEP_ABOVE = 10_000;

    private final long interval;
    private final long tolerance;
    private final Clock clock;
    /** Per client, when its bucket is full again, in nanoseconds of the clock. */
    private final ConcurrentMap<String, Long> fullAt = new ConcurrentHashMap<>();

    RateLimit(int burst, int perWindow, Duration window, Clock clock) {
        this.interval = Math.max(1, window.toNanos() / perWindow);
        this.tolerance = (burst - 1) * interval;
        this.clock = clock;
    }

    /**
     * Takes a token for a client.
     *
     * @return {@link Duration#ZERO} when the client may go on, else how long until it may
     */
    Duration take(String client) {
        long now = Math.multiplyExact(clock.millis(), 1_000_000L);
        if (fullAt.size() > SWEEP_ABOVE) {
            fullAt.values().removeIf(full -> full <= now);
        }
        long[] wait = new long[1];
        fullAt.compute(client, (c, full) -> {
            long from = full == null ? now : Math.max(full, now);
            if (from - now > tolerance) {
                wait[0] = from - tolerance - now;
                return full;
            }
            return from + interval;
        });
        return Duration.ofNanos(wait[0]);
    }

    /** How many clients are known now, for tests. */
    int clients() {
        return fullAt.size();
    }
}
