package org.jqsi.ical.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeZoneBlocksTest {

    private final TimeZoneBlocks blocks = new TimeZoneBlocks();

    @Test
    void a_zone_that_never_changes_has_one_standard_observance() {
        assertThat(blocks.block(ZoneId.of("Etc/GMT+5"), 2021, 2021)).isEqualTo("BEGIN:VTIMEZONE\r\n"
                + "TZID:Etc/GMT+5\r\n"
                + "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0500\r\n"
                + "END:STANDARD\r\n"
                + "END:VTIMEZONE\r\n");
    }

    @Test
    void a_zone_that_left_daylight_saving_time_keeps_its_last_observance() {
        // Blanc-Sablon has been on Atlantic Standard Time all year since 1945 (a link to Puerto Rico in tzdata).
        assertThat(blocks.block(ZoneId.of("America/Blanc-Sablon"), 2021, 2021)).isEqualTo("BEGIN:VTIMEZONE\r\n"
                + "TZID:America/Blanc-Sablon\r\n"
                + "BEGIN:STANDARD\r\nDTSTART:19450930T020000\r\nTZOFFSETFROM:-0300\r\nTZOFFSETTO:-0400\r\n"
                + "END:STANDARD\r\n"
                + "END:VTIMEZONE\r\n");
    }

    @Test
    void rules_set_in_utc_are_on_the_local_day_they_fall_on() {
        // The European Union changes at 01:00 UTC on the last Sunday of March and of October: 02:00 and 03:00 in Paris.
        assertThat(blocks.block(ZoneId.of("Europe/Paris"), 2021, 2021))
                .contains("BEGIN:DAYLIGHT\r\nDTSTART:20200329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
                        + "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n")
                .contains("BEGIN:STANDARD\r\nDTSTART:20201025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
                        + "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n");
    }

    @Test
    void the_same_zone_and_years_give_the_same_block() {
        assertThat(blocks.block(ZoneId.of("America/Toronto"), 2020, 2021))
                .isSameAs(blocks.block(ZoneId.of("America/Toronto"), 2020, 2021));
        assertThatThrownBy(() -> blocks.block(ZoneId.of("America/Toronto"), 2021, 2020))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void offsets_are_written_with_seconds_only_when_they_have_some() {
        assertThat(TimeZoneBlocks.utcOffset(ZoneOffset.ofHours(-5))).isEqualTo("-0500");
        assertThat(TimeZoneBlocks.utcOffset(ZoneOffset.UTC)).isEqualTo("+0000");
        assertThat(TimeZoneBlocks.utcOffset(ZoneOffset.ofHoursMinutesSeconds(-4, -56, -2))).isEqualTo("-045602");
        assertThat(TimeZoneBlocks.utcOffset(ZoneOffset.ofHoursMinutes(5, 45))).isEqualTo("+0545");
    }
}
