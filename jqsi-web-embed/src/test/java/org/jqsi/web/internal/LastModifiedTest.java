package org.jqsi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.web.testing.MutableClock;
import org.junit.jupiter.api.Test;

class LastModifiedTest {

    private final Program program = Program.of(SampleProgram.data());

    @Test
    void lastModifiedIsWhenTheVersionFirstShowedUp() {
        LastModified lastModified = new LastModified(Clock.fixed(Instant.parse("2026-11-23T15:00:00.750Z"),
                ZoneOffset.UTC));
        assertThat(lastModified.of(program)).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
        assertThat(lastModified.of(Program.of(SampleProgram.data())))
                .isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
    }

    @Test
    void theEditionOfTheDayChangesAtMidnightEasternTime() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T15:00:00Z"));
        LastModified lastModified = new LastModified(clock);
        assertThat(lastModified.of(program, true)).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
        clock.set(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(lastModified.of(program, false)).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
        // Midnight in Toronto, in November, is 05:00 UTC.
        assertThat(lastModified.of(program, true)).isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
    }
}
