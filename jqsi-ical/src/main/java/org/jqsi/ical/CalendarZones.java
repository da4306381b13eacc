package org.jqsi.ical;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Schedule;

/**
 * The time zones of the events of a calendar and the years each is needed for, gathered before the calendar is
 * written one event at a time ({@link CalendarExporter#startCalendar}): its {@code VTIMEZONE}s come before its first
 * event. Add the dated activities in the order the calendar will have them: the zones are written in the order they
 * first come, as {@link CalendarExporter#writeActivities} writes them. Not thread-safe.
 */
public final class CalendarZones {

    private final Map<ZoneId, int[]> years = new LinkedHashMap<>();

    /** Adds an activity's zone and years; an activity that has no date yet adds nothing (it is not in calendars). */
    public CalendarZones add(Activity activity) {
        Schedule schedule = activity.schedule();
        if (schedule.isDated()) {
            add(schedule.zoneId().orElseThrow(), schedule.firstDay().orElseThrow().getYear(),
                    schedule.lastDay().orElseThrow().getYear());
        }
        return this;
    }

    /**
     * Adds a zone for events from {@code firstYear} to {@code lastYear}, the years of a dated activity's first and last
     * days in its zone.
     */
    public CalendarZones add(ZoneId zone, int firstYear, int lastYear) {
        Objects.requireNonNull(zone, "zone");
        int[] known = years.get(zone);
        if (known == null) {
            years.put(zone, new int[] {firstYear, lastYear});
        } else {
            known[0] = Math.min(known[0], firstYear);
            known[1] = Math.max(known[1], lastYear);
        }
        return this;
    }

    /** The zones, in the order they first came, each with its first and last year. */
    Map<ZoneId, int[]> years() {
        return years;
    }
}
