package org.jqsi.ical.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.fortuna.ical4j.util.Configurator;
import org.junit.jupiter.api.Test;

class Ical4jConfigurationTest {

    @Test
    void ical4j_reads_our_properties_and_never_updates_zones_from_the_network() {
        assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled")).contains("false");
        assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.cache.impl"))
                .contains("net.fortuna.ical4j.util.MapTimeZoneCache");
    }

    @Test
    void vtimezones_come_from_the_bundled_tz_data() {
        String toronto = new TimeZoneBlocks().block(java.time.ZoneId.of("America/Toronto"));
        assertThat(toronto).startsWith("BEGIN:VTIMEZONE\r\nTZID:America/Toronto\r\n")
                .contains("TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nDTSTART:20071104T020000\r\n"
                        + "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n")
                .endsWith("END:VTIMEZONE\r\n");
        assertThat(new TimeZoneBlocks().block(java.time.ZoneId.of("America/Halifax")))
                .contains("TZID:America/Halifax\r\n");
    }
}
