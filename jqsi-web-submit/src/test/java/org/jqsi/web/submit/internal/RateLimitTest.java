package org.jqsi.web.submit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.jqsi.web.testing.MutableClock;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void aBurstThenTheRateThenAgainOnceTheWindowHasPassed() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        RateLimit limit = new RateLimit(3, 6, Duration.ofHours(1), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.take("192.0.2.1")).isZero();
        }
        Duration wait = limit.take("192.0.2.1");
        assertThat(wait).isEqualTo(Duration.ofMinutes(10));
        assertThat(limit.take("192.0.2.2")).as("another client has its own bucket").isZero();
        clock.advance(Duration.ofMinutes(9));
        assertThat(limit.take("192.0.2.1")).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(limit.take("192.0.2.1")).isZero();
        assertThat(limit.take("192.0.2.1")).isPositive();
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limit.take("192.0.2.1")).as("the bucket holds no more than the burst").isZero();
        }
        assertThat(limit.take("192.0.2.1")).isPositive();
    }

    @Test
    void aClockThatGoesBackGivesNoTokens() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        RateLimit limit = new RateLimit(1, 1, Duration.ofHours(1), clock);
        assertThat(limit.take("a")).isZero();
        clock.advance(Duration.ofHours(-5));
        assertThat(limit.take("a")).isPositive();
    }
}
