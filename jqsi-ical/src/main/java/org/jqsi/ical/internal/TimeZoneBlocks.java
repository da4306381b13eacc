package org.jqsi.ical.internal;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * The {@code VTIMEZONE} of each zone, from the tz data bundled in iCal4j's jar (never fetched: see
 * {@code ical4j.properties}), rendered and folded once.
 */
public final class TimeZoneBlocks {

    private final Map<ZoneId, String> rendered = new ConcurrentHashMap<>();
    /** Made on first use: creating iCal4j's registry loads much of iCal4j, which a server should not wait for. */
    private TimeZoneRegistry registry;

    /**
     * Loads these zones now: iCal4j's first look-up costs hundreds of milliseconds, which is better paid in the
     * background than by the first subscriber.
     */
    public TimeZoneBlocks warm(ZoneId... zones) {
        for (ZoneId zone : zones) {
            block(zone);
        }
        return this;
    }

    /** The folded {@code VTIMEZONE} block of a zone, CRLF-ended. */
    public String block(ZoneId zone) {
        return rendered.computeIfAbsent(zone, this::render);
    }

    private String render(ZoneId zone) {
        TimeZone timeZone = registry().getTimeZone(zone.getId());
        if (timeZone == null) {
            throw new IllegalArgumentException("no time-zone definition for " + zone);
        }
        VTimeZone vtimezone = timeZone.getVTimeZone();
        StringBuilder out = new StringBuilder(4096);
        try {
            OctetFolding.appendFolded(vtimezone.toString(), out);
        } catch (IOException e) {
            throw new IllegalStateException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }

    private synchronized TimeZoneRegistry registry() {
        if (registry == null) {
            registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        }
        return registry;
    }
}
