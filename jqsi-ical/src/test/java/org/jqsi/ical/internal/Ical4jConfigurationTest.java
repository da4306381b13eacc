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
}
