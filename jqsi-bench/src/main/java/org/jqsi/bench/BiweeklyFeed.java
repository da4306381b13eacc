package org.jqsi.bench;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.io.TimezoneInfo;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Organizer;
import biweekly.util.ICalDate;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.program.Program;

/**
 * The same feed written with biweekly, the yardstick for jqsi's exporter: the same events with the same properties,
 * and the same VTIMEZONEs (read once from iCal4j's tz data through a jqsi feed, since biweekly's own way to get
 * one downloads it).
 */
final class BiweeklyFeed {

    private final Map<ZoneId, TimezoneAssignment> zones = new HashMap<>();

    /** With the VTIMEZONEs found in an iCalendar text. */
    BiweeklyFeed(String icsWithZones) {
        ICalendar parsed = Biweekly.parse(icsWithZones).first();
        for (TimezoneAssignment assignment : parsed.getTimezoneInfo().getTimezones()) {
            String id = assignment.getComponent().getTimezoneId().getValue();
            // The JDK's rules compute the offsets (biweekly's own reading of a VTIMEZONE with a century of history
            // is slow); the VTIMEZONE component is what gets written.
            zones.put(ZoneId.of(id), new TimezoneAssignment(java.util.TimeZone.getTimeZone(id),
                    assignment.getComponent()));
        }
    }

    void write(Program program, Iterable<Activity> activities, Writer out) throws IOException {
        ICalendar ical = new ICalendar();
        ical.setProductId("-//jqsi//jqsi-bench biweekly//FR");
        ical.setMethod("PUBLISH");
        ical.setName("JQSI");
        TimezoneInfo tz = ical.getTimezoneInfo();
        for (Activity activity : activities) {
            Schedule schedule = activity.schedule();
            if (!schedule.isDated()) {
                continue;
            }
            VEvent event = new VEvent();
            event.setUid(activity.id() + "@jqsi");
            // As jqsi-ical: the last modification, or midnight UTC on the first day of the activity's edition.
            event.setDateTimeStamp(Date.from(activity.lastModified() != null ? activity.lastModified()
                    : program.editionOf(activity).start().atStartOfDay(ZoneOffset.UTC).toInstant()));
            TimezoneAssignment zone = zones.get(schedule.zoneId().orElseThrow());
            if (schedule instanceof Schedule.Window window && window.allDay()) {
                event.setDateStart(new DateStart(new ICalDate(Date.from(window.first().atStartOfDay(ZoneOffset.UTC)
                        .toInstant()), false)));
                event.setDateEnd(new DateEnd(new ICalDate(Date.from(window.last().plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC).toInstant()), false)));
            } else {
                DateStart start = new DateStart(Date.from(schedule.startsAt().orElseThrow().toInstant()));
                event.setDateStart(start);
                tz.setTimezone(start, zone);
                schedule.endsAt().ifPresent(end -> {
                    DateEnd dateEnd = new DateEnd(Date.from(end.toInstant()));
                    event.setDateEnd(dateEnd);
                    tz.setTimezone(dateEnd, zone);
                });
            }
            event.setSummary(activity.title().in(Language.FR)).setLanguage("fr");
            if (activity.description() != null) {
                event.setDescription(activity.description().in(Language.FR)).setLanguage("fr");
            }
            Place place = activity.place();
            place.venuePart().ifPresent(v -> {
                event.setLocation(v.name() + ", " + v.address().municipality());
                if (v.geo() != null) {
                    event.setGeo(new biweekly.property.Geo(v.geo().latitude(), v.geo().longitude()));
                }
            });
            place.onlinePart().flatMap(Place.Online::link).ifPresent(url -> event.setUrl(url.toString()));
            if (activity.region() == null) {
                event.addCategories(activity.kind().name());
            } else {
                event.addCategories(activity.kind().name(), activity.region().displayName().fr());
            }
            for (String partnerId : activity.partners().stream().map(p -> p.partnerId()).toList()) {
                Partner partner = program.partner(partnerId).orElseThrow();
                Organizer organizer = new Organizer(partner.name().fr(), null);
                organizer.setUri(partner.site().map(Object::toString).orElse("mailto:noreply@jqsi.invalid"));
                event.setOrganizer(organizer);
                break;
            }
            event.setStatus(switch (activity.status()) {
                case CANCELLED -> biweekly.property.Status.cancelled();
                case POSTPONED -> biweekly.property.Status.tentative();
                default -> biweekly.property.Status.confirmed();
            });
            event.setSequence(activity.revision());
            if (activity.lastModified() != null) {
                event.setLastModified(Date.from(activity.lastModified()));
            }
            ical.addEvent(event);
        }
        Biweekly.write(ical).go(out);
    }
}
