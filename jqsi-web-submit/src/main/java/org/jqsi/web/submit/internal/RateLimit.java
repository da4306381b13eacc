package org.jqsi.web.submit.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many submissions each client may still send: a token bucket per client, holding up to {@code burst} tokens
 * and given {@code perWindow} of them in each {@code window}, at an even pace. A submission takes one; with none
 * left, the client is told how long until the next one.
 *
 * <p>Buckets that are full again are forgotten when many clients are known, so that memory follows the clients of
 * the last window, not every client ever seen. Time is the given {@link Clock}'s. Thread-safe.
 */
final class RateLimit {

    /** Beyond this many clients known, full buckets are swept away before a new one is added. */
    private static final int SWEEP_ABOVE = 10_000;

    /** A bucket: how many tokens it held at {@code at} (nanoseconds on the clock's millisecond scale). */
    private static final class Bucket {
        double tokens;
        long atNanos;

        Bucket(double tokens, long atNanos) {
            this.tokens = tokens;
            this.atNanos = atNanos;
        }
    }

    private final int burst;
    private final double tokensPerNano;
    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimit(int burst, int perWindow, Duration window, Clock clock) {
        this.burst = burst;
        this.tokensPerNano = perWindow / (double) window.toNanos();
        this.clock = clock;
    }

    /**
     * Takes a token for a client.
     *
     * @return {@link Duration#ZERO} when the client may go on, else how long until it may
     */
    Duration take(String client) {
        long now = nanos();
        if (buckets.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            long wait = (long) Math.ceil((1 - bucket.tokens) / tokensPerNano);
            return Duration.ofNanos(Math.max(wait, 1));
        }
    }

    /** How many clients are known now, for tests. */
    int clients() {
        return buckets.size();
    }

    private void refill(Bucket bucket, long now) {
        if (now > bucket.atNanos) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.atNanos) * tokensPerNano);
            bucket.atNanos = now;
        }
    }

    private void sweep(long now) {
        buckets.entrySet().removeIf(entry -> {
            Bucket bucket = entry.getValue();
            synchronized (bucket) {
                refill(bucket, now);
                return bucket.tokens >= burst;
            }
        });
    }

    private long nanos() {
        return clock.millis() * 1_000_000L;
    }
}
