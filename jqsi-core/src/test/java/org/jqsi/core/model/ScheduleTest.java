package org.jqsi.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final ZoneId MAGDALEN_ISLANDS = ZoneId.of("America/Halifax");

    @Test
    void aTimedActivityKeepsItsLocalTimeAcrossTheDaylightSavingChange() {
        // Daylight saving time ended on Sunday, November 7, 2021.
        Schedule saturday = Schedule.Timed.at(LocalDateTime.of(2021, 11, 6, 19, 30), Region.EASTERN);
        Schedule monday = Schedule.Timed.at(LocalDateTime.of(2021, 11, 8, 19, 30), Region.EASTERN);

        assertThat(saturday.startsAt().orElseThrow().getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
        assertThat(monday.startsAt().orElseThrow().getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(monday.startsAt().orElseThrow().toLocalTime()).isEqualTo(LocalTime.of(19, 30));
    }

    @Test
    void theMagdalenIslandsAreAnHourAheadOfTroisRivieres() {
        Schedule islands = Schedule.Timed.at(LocalDateTime.of(2021, 11, 8, 19, 0), MAGDALEN_ISLANDS);
        Schedule troisRivieres = Schedule.Timed.at(LocalDateTime.of(2021, 11, 8, 18, 0), Region.EASTERN);

        assertThat(islands.startsAt().orElseThrow().getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
        assertThat(islands.startsAt().orElseThrow().toInstant())
                .isEqualTo(troisRivieres.startsAt().orElseThrow().toInstant());
    }

    @Test
    void aTimedActivityWithoutAnnouncedEndHasNoEnd() {
        Schedule.Timed loinDeBachar = Schedule.Timed.at(LocalDateTime.of(2020, 11, 10, 19, 30), Region.EASTERN);

        assertThat(loinDeBachar.endsAt()).isEmpty();
        assertThat(loinDeBachar.firstDay()).contains(LocalDate.of(2020, 11, 10));
        assertThat(loinDeBachar.lastDay()).contains(LocalDate.of(2020, 11, 10));
        assertThat(loinDeBachar.isDated()).isTrue();
    }

    @Test
    void anActivityEndingAtMidnightEndsOnItsFirstDay() {
        Schedule.Timed evening = Schedule.Timed.between(LocalDateTime.of(2020, 11, 6, 22, 0),
                LocalDateTime.of(2020, 11, 7, 0, 0), Region.EASTERN);

        assertThat(evening.lastDay()).contains(LocalDate.of(2020, 11, 6));
    }

    @Test
    void anAllDayWindowEndsAtTheStartOfTheDayAfterItsLastDay() {
        Schedule.Window dheepan = Schedule.Window.days(LocalDate.of(2020, 11, 13), LocalDate.of(2020, 11, 15),
                Region.EASTERN);

        assertThat(dheepan.allDay()).isTrue();
        assertThat(dheepan.startsAt().orElseThrow()).hasToString("2020-11-13T00:00-05:00[America/Toronto]");
        assertThat(dheepan.endsAt().orElseThrow()).hasToString("2020-11-16T00:00-05:00[America/Toronto]");
    }

    @Test
    void aWindowWithTimesOpensAndClosesAtThem() {
        Schedule.Window fortyEightHours = new Schedule.Window(LocalDate.of(2021, 11, 5), LocalDate.of(2021, 11, 7),
                LocalTime.of(20, 0), LocalTime.of(20, 0), Region.EASTERN);

        assertThat(fortyEightHours.allDay()).isFalse();
        assertThat(fortyEightHours.startsAt().orElseThrow()).hasToString("2021-11-05T20:00-04:00[America/Toronto]");
        // Across the change: 49 real hours, 48 on the wall clock.
        assertThat(fortyEightHours.endsAt().orElseThrow()).hasToString("2021-11-07T20:00-05:00[America/Toronto]");
    }

    @Test
    void toBeAnnouncedHasNoDate() {
        Schedule tba = Schedule.ToBeAnnounced.unknown();

        assertThat(tba.isDated()).isFalse();
        assertThat(tba.startsAt()).isEmpty();
        assertThat(tba.firstDay()).isEmpty();
        assertThat(tba.zoneId()).isEmpty();
    }

    @Test
    void requiredPartsAreChecked() {
        assertThatNullPointerException().isThrownBy(() -> Schedule.Timed.at(null, Region.EASTERN)).withMessage("start");
        assertThatNullPointerException().isThrownBy(() -> Schedule.Timed.at(LocalDateTime.now(), null))
                .withMessage("zone");
        assertThatNullPointerException()
                .isThrownBy(() -> Schedule.Window.days(LocalDate.now(), null, Region.EASTERN)).withMessage("last");
    }
}
