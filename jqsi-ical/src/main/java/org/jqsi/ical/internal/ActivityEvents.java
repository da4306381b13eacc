package org.jqsi.ical.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Feature;
import net.fortuna.ical4j.model.parameter.Label;
import net.fortuna.ical4j.model.parameter.Related;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Conference;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Image;
import net.fortuna.ical4j.model.property.Url;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.program.Program;
import org.jqsi.ical.EventHistory;
import org.jqsi.ical.IcalSettings;

/**
 * Builds the iCal4j {@link VEvent} of an activity: iCal4j gives the property syntax, escaping and parameter quoting;
 * jqsi decides what goes in.
 *
 * <p>{@code SEQUENCE} and {@code DTSTAMP} are the version {@link EventVersions} gives it: never the time of writing,
 * so that a program gives the same bytes each time it is written (HTTP ETags, caches) and subscribers do not see
 * every event as new at each refresh. {@code LAST-MODIFIED} is that {@code DTSTAMP} when the activity has a
 * {@code lastModified} or a change was noticed.
 */
public final class ActivityEvents {

    private static final java.time.format.DateTimeFormatter LOCAL =
            java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", java.util.Locale.ROOT);

    private final IcalSettings settings;

    public ActivityEvents(IcalSettings settings) {
        this.settings = settings;
    }

    /** Builds and renders one event, which loads the iCal4j classes that every event needs. */
    public void warmUp() {
        VEvent event = new VEvent(false);
        event.add(new Uid("warm-up@" + settings.uidDomain()));
        event.add(dateTime(new DtStart<>(), ZonedDateTime.of(2021, 11, 8, 19, 30, 0, 0, settings.defaultZone())));
        event.add(withLanguage(new Summary("warm-up"), Language.FR));
        event.toString();
    }

    /** The event of a dated activity at a version, in a language, with reminders before its start. */
    public VEvent toEvent(Program program, Activity activity, EventHistory.Entry version, Language language,
            List<Duration> reminders) {
        Schedule schedule = activity.schedule();
        if (!schedule.isDated()) {
            throw new IllegalArgumentException("activity " + activity.id() + " has no date yet: it is not in calendars");
        }
        VEvent event = new VEvent(false);
        event.add(new Uid(settings.uidOf(activity.id())));
        event.add(new DtStamp(version.stamp()));
        addTimes(event, schedule);
        String title = StatusTitles.title(activity, language);
        event.add(withLanguage(new Summary(Texts.clean(title)), activity.title(), language));
        if (activity.description() != null) {
            event.add(withLanguage(new Description(Texts.clean(activity.description().in(language))),
                    activity.description(), language));
        }
        // An activity moved online is no longer at the hall its place still names.
        activity.heldPlace().ifPresent(place -> addPlace(event, place, language));
        link(activity).ifPresent(url -> event.add(new Url(url)));
        if (activity.image() != null) {
            // RFC 7986 5.10: IMAGE has no default value type, so a link says VALUE=URI.
            event.add(new Image(new ParameterList(List.of(Value.URI)), activity.image().url().toString()));
        }
        event.add(new Categories(new TextList(categories(program, activity, language))));
        // iTIP's PUBLISH requires an ORGANIZER (RFC 5546 §3.2.1): with no partner at all, the calendar's publisher.
        Optional<Partner> partner = organizer(program, activity);
        Organizer organizer = new Organizer(partner.flatMap(Partner::site).orElse(settings.organizerAddress()));
        organizer.add(new Cn(Texts.clean(partner.map(Partner::name).orElse(settings.calendarName()).in(language))));
        event.add(organizer);
        event.add(new Status(statusOf(activity)));
        event.add(new Sequence(version.sequence()));
        if (activity.lastModified() != null || !version.stamp().equals(EventVersions.declaredStamp(program, activity))) {
            event.add(new LastModified(version.stamp()));
        }
        // What iCalendar has no property for, for jqsi's own import; other readers ignore X- properties.
        JqsiProperties.write(event, activity, language, Texts.clean(title));
        for (Duration before : reminders) {
            VAlarm alarm = new VAlarm(before.negated());
            // RELATED=START is the default, but some readers (biweekly) want it said.
            alarm.getProperty(Property.TRIGGER).ifPresent(trigger -> trigger.add(Related.START));
            alarm.add(new Action("DISPLAY"));
            alarm.add(new Description(Texts.clean(title)));
            event.add(alarm);
        }
        return event;
    }

    private static void addTimes(VEvent event, Schedule schedule) {
        if (schedule instanceof Schedule.Timed timed) {
            ZonedDateTime start = ZonedDateTime.of(timed.start(), timed.zone());
            event.add(dateTime(new DtStart<>(), start));
            // No announced end: Schedule.Timed.ASSUMED_DURATION, never an event that lasts no time (RFC 5545 3.6.1).
            event.add(dateTime(new DtEnd<>(), timed.endOrAssumed()));
        } else if (schedule instanceof Schedule.Window window) {
            if (window.allDay()) {
                // All-day: dates, and the end is the day after the last (exclusive), as RFC 5545 counts.
                event.add(new DtStart<>(window.first()));
                event.add(new DtEnd<>(window.last().plusDays(1)));
            } else {
                LocalDateTime opens = window.first().atTime(window.opens() == null ? LocalTime.MIDNIGHT : window.opens());
                LocalDateTime closes = window.closes() == null ? window.last().plusDays(1).atStartOfDay()
                        : window.last().atTime(window.closes());
                event.add(dateTime(new DtStart<>(), ZonedDateTime.of(opens, window.zone())));
                event.add(dateTime(new DtEnd<>(), ZonedDateTime.of(closes, window.zone())));
            }
        }
    }

    /**
     * Sets a DATE-TIME: the local time with its {@code TZID} (RFC 5545 §3.3.5, form 3), whose {@code VTIMEZONE} comes
     * from the same java.time rules; or in UTC (form 2) when the local time names two instants (the hour repeated
     * when daylight saving time ends) or none (the hour skipped in spring). RFC 5545 takes the first of two, as
     * java.time and the JSON-LD do, but readers differ (ical.js, node-ical and python-icalendar did not agree): UTC
     * leaves them nothing to choose.
     *
     * <p>The local time is written as text, never through iCal4j's {@code ZonedDateTime} support, which converts it
     * with iCal4j's own tz data: where that differs from the JDK's (Juba, Barbados, Costa Rica, ...) it wrote
     * another hour than the program's.
     */
    private static <P extends net.fortuna.ical4j.model.property.DateProperty<java.time.temporal.Temporal>> P dateTime(
            P property, ZonedDateTime time) {
        LocalDateTime local = time.toLocalDateTime();
        if (time.getZone().getRules().getValidOffsets(local).size() == 1) {
            property.setValue(local.format(LOCAL));
            property.add(new TzId(time.getZone().getId()));
        } else {
            property.setValue(time.toInstant().atOffset(ZoneOffset.UTC).format(LOCAL) + "Z");
        }
        return property;
    }

    private void addPlace(VEvent event, Place place, Language language) {
        Optional<Place.Venue> venue = place.venuePart();
        Optional<Place.Online> online = place.onlinePart();
        if (venue.isPresent()) {
            event.add(withLanguage(new Location(Texts.clean(describe(venue.get()))), language));
            if (venue.get().geo() != null) {
                event.add(new Geo(BigDecimal.valueOf(venue.get().geo().latitude()),
                        BigDecimal.valueOf(venue.get().geo().longitude())));
            }
        } else {
            String where = online.flatMap(Place.Online::link).map(URI::toString)
                    .orElse(IcalMessages.message(language, "place.online"));
            event.add(withLanguage(new Location(where), language));
        }
        online.flatMap(Place.Online::link).ifPresent(url -> {
            ParameterList parameters = new ParameterList();
            parameters = parameters.add(Value.URI);
            parameters = parameters.add(new Feature("VIDEO"));
            parameters = parameters.add(new Label(platformLabel(online.get().platform(), language)));
            event.add(new Conference(parameters, url.toString()));
        });
    }

    private static String describe(Place.Venue venue) {
        Address address = venue.address();
        StringBuilder text = new StringBuilder(venue.name());
        if (address.street() != null && !address.street().isBlank()) {
            text.append(", ").append(address.street());
        }
        text.append(", ").append(address.municipality());
        if (address.postalCode() != null) {
            text.append(" ").append(address.postalCode());
        }
        return text.toString();
    }

    private static String platformLabel(OnlinePlatform platform, Language language) {
        if (platform == null) {
            return IcalMessages.message(language, "place.online");
        }
        return switch (platform) {
            case FACEBOOK -> "Facebook";
            case YOUTUBE -> "YouTube";
            case ZOOM -> "Zoom";
            case TEAMS -> "Microsoft Teams";
            case WEBSITE -> IcalMessages.message(language, "platform.website");
            case OTHER -> IcalMessages.message(language, "place.online");
        };
    }

    /** The activity's own page first, then where to watch, then where to register. */
    private static Optional<URI> link(Activity activity) {
        if (!activity.links().isEmpty()) {
            return Optional.of(activity.links().get(0).url());
        }
        Optional<URI> online = Optional.ofNullable(activity.place()).flatMap(Place::onlinePart)
                .flatMap(Place.Online::link);
        if (online.isPresent()) {
            return online;
        }
        return Optional.ofNullable(activity.registration()).flatMap(r -> r.link());
    }

    private static List<String> categories(Program program, Activity activity, Language language) {
        Set<String> words = new LinkedHashSet<>();
        words.add(KindLabels.label(activity.kind(), language));
        words.addAll(activity.themeTags());
        Edition edition = program.editionOf(activity);
        if (edition != null && edition.theme() != null) {
            words.addAll(edition.theme().tags());
        }
        if (activity.region() != null) {
            words.add(activity.region().displayName().in(language));
        }
        List<String> cleaned = new ArrayList<>(words.size());
        for (String word : words) {
            cleaned.add(Texts.clean(word));
        }
        return cleaned;
    }

    /**
     * The organizer, else the co-organizer, else the regional coordinator, else whoever coordinates the edition: who
     * people would ask about it. A published event should have one (iTIP's PUBLISH asks for it).
     */
    private static Optional<Partner> organizer(Program program, Activity activity) {
        for (PartnerRole role : List.of(PartnerRole.ORGANIZER, PartnerRole.CO_ORGANIZER,
                PartnerRole.REGIONAL_COORDINATOR)) {
            for (String id : activity.partnersIn(role)) {
                Optional<Partner> partner = program.partner(id);
                if (partner.isPresent()) {
                    return partner;
                }
            }
        }
        Edition edition = program.editionOf(activity);
        return edition == null || edition.coordinatorId() == null ? Optional.empty()
                : program.partner(edition.coordinatorId());
    }

    private static String statusOf(Activity activity) {
        return switch (activity.status()) {
            case CANCELLED -> "CANCELLED";
            case POSTPONED -> "TENTATIVE";
            case SCHEDULED, RESCHEDULED, MOVED_ONLINE -> "CONFIRMED";
        };
    }

    /** Says which language the text is in: the asked one when the text has it, else French (its fallback). */
    private static <P extends Property> P withLanguage(P property, LocalizedText text, Language asked) {
        return withLanguage(property, text.has(asked) ? asked : Language.FR);
    }

    private static <P extends Property> P withLanguage(P property, Language language) {
        property.add(new net.fortuna.ical4j.model.parameter.Language(language.code()));
        return property;
    }
}
