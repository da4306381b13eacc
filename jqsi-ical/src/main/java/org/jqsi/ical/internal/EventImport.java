package org.jqsi.ical.internal;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Duration;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.LastModified;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Link;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.ical.FeedTarget;

/**
 * Turns one event of a partner's feed, parsed by iCal4j, into the activities it stands for: one, or one per
 * occurrence of a recurring event ({@code RRULE}, {@code RDATE}, less {@code EXDATE}) within the edition's dates.
 *
 * <p>Times keep their local value in a zone jqsi knows: the event's {@code TZID} when it is an IANA zone (Google),
 * the IANA zone of a Windows zone name (Outlook's "Eastern Standard Time"), else the feed's zone; UTC times are
 * shown in the feed's zone; floating times are read in it.
 */
public final class EventImport {

    /** An event that cannot become an activity, and why, in French and English. */
    public static final class BadEvent extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final transient LocalizedText reason;
        private final String property;

        BadEvent(String code, LocalizedText reason) {
            this(code, reason, null);
        }

        BadEvent(String code, LocalizedText reason, String property) {
            super(reason.in(org.jqsi.core.model.Language.EN));
            this.code = code;
            this.reason = reason;
            this.property = property;
        }

        /** The property at fault ({@code DTSTART}), to point at its line, or {@code null} for the whole event. */
        public String property() {
            return property;
        }

        public String code() {
            return code;
        }

        public LocalizedText reason() {
            return reason;
        }
    }

    /**
     * One activity drawn from an event.
     *
     * @param key the occurrence's original local start ({@code 20211109-1900}), or {@code null} for a single event
     * @param activity the activity
     */
    public record Occurrence(String key, Activity activity) {
    }

    private static final Map<String, String> WINDOWS_ZONES = Map.of(
            "eastern standard time", "America/Toronto",
            "atlantic standard time", "America/Halifax",
            "central standard time", "America/Chicago",
            "pacific standard time", "America/Los_Angeles",
            "utc", "UTC");
    private static final DateTimeFormatter DAY_KEY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME_KEY = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final FeedTarget target;
    private final ZoneId feedZone;
    private final String ownDomain;

    public EventImport(FeedTarget target, ZoneId feedZone, String ownDomain) {
        this.target = target;
        this.feedZone = feedZone;
        this.ownDomain = ownDomain;
    }

    /** The zone a feed's {@code X-WR-TIMEZONE} or a {@code TZID} names, if jqsi can use it. */
    public static Optional<ZoneId> zoneNamed(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String trimmed = name.strip();
        String windows = WINDOWS_ZONES.get(trimmed.toLowerCase(Locale.ROOT));
        try {
            return Optional.of(ZoneId.of(windows != null ? windows : trimmed));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The UID of an event, required. */
    public static String uidOf(VEvent event) throws BadEvent {
        String uid = event.getUid().map(Property::getValue).map(String::strip).orElse("");
        if (uid.isEmpty()) {
            throw new BadEvent("event.uid-missing", LocalizedText.of(
                    "l'événement n'a pas d'UID : il ne pourrait pas être retrouvé à la prochaine importation",
                    "the event has no UID: it could not be matched on the next import"));
        }
        return uid;
    }

    /** The local start of an override's {@code RECURRENCE-ID}, as an occurrence key. */
    public String recurrenceKey(VEvent override) throws BadEvent {
        Optional<DateProperty<Temporal>> recurrenceId = override.getProperty(Property.RECURRENCE_ID);
        return key(moment(recurrenceId.orElseThrow()));
    }

    /** The activities an event stands for, within the edition; {@code skipped} counts those outside it. */
    public List<Occurrence> occurrences(VEvent event, Set<String> overridden, int[] skipped) throws BadEvent {
        String uid = uidOf(event);
        String title = text(event, Property.SUMMARY)
                .orElseThrow(() -> new BadEvent("event.summary-missing", LocalizedText.of(
                        "l'événement n'a pas de titre (SUMMARY)", "the event has no title (SUMMARY)")));
        Optional<DateProperty<Temporal>> startProperty = event.getProperty(Property.DTSTART);
        if (startProperty.isEmpty()) {
            throw new BadEvent("event.start-missing", LocalizedText.of(
                    "l'événement n'a pas de début (DTSTART)", "the event has no start (DTSTART)"));
        }
        Moment start = moment(startProperty.get());
        Moment end = endOf(event, start);
        if (end != null && end.isBefore(start)) {
            throw new BadEvent("event.end-before-start", LocalizedText.of(
                    "l'événement finit (" + end + ") avant de commencer (" + start + ")",
                    "the event ends (" + end + ") before it starts (" + start + ")"),
                    event.getProperty(Property.DTEND).isPresent() ? Property.DTEND : Property.DURATION);
        }
        Activity base = activityBase(event, uid, title);
        boolean recurring = event.getProperty(Property.RRULE).isPresent()
                || event.getProperty(Property.RDATE).isPresent();
        boolean override = event.getProperty(Property.RECURRENCE_ID).isPresent();
        String eventId = ImportedIds.forUid(uid, ownDomain);
        List<Occurrence> occurrences = new ArrayList<>();
        if (!recurring) {
            String key = override ? recurrenceKey(event) : null;
            Activity activity = base.toBuilder().id(key == null ? eventId : ImportedIds.forOccurrence(eventId, key))
                    .schedule(schedule(start, end)).build();
            if (overlapsEdition(activity.schedule())) {
                occurrences.add(new Occurrence(key, activity));
            } else {
                skipped[0]++;
            }
            return occurrences;
        }
        checkRecurrenceCost(event, start);
        Set<Period<Temporal>> periods = new TreeSet<>(event.calculateRecurrenceSet(editionPeriod(start)));
        if (periods.size() > MAX_OCCURRENCES) {
            throw new BadEvent("event.recurrence-too-large", LocalizedText.of(
                    "la règle de répétition donne " + periods.size() + " dates pendant l'édition (au plus "
                            + MAX_OCCURRENCES + ")",
                    "the recurrence rule gives " + periods.size() + " dates during the edition (at most "
                            + MAX_OCCURRENCES + ")"), Property.RRULE);
        }
        for (Period<Temporal> period : periods) {
            Moment from = Moment.of(period.getStart(), start.zone);
            Moment to = end == null ? null : Moment.of(period.getEnd(), start.zone);
            String key = key(from);
            if (overridden.contains(key)) {
                continue;
            }
            Schedule schedule = schedule(from, to);
            if (!overlapsEdition(schedule)) {
                skipped[0]++;
                continue;
            }
            occurrences.add(new Occurrence(key, base.toBuilder().id(ImportedIds.forOccurrence(eventId, key))
                    .schedule(schedule).build()));
        }
        return occurrences;
    }

    private Activity activityBase(VEvent event, String uid, String title) {
        Activity.Builder builder = Activity.builder(ImportedIds.forUid(uid, ownDomain))
                .edition(target.edition().id())
                .kind(kindOf(event))
                .title(LocalizedText.fr(title))
                .region(target.region())
                .partner(target.partnerId(), PartnerRole.ORGANIZER)
                .status(text(event, Property.STATUS).filter(s -> s.equalsIgnoreCase("CANCELLED")).isPresent()
                        ? Status.CANCELLED : Status.SCHEDULED)
                // A placeholder; the occurrence's own schedule replaces it.
                .schedule(Schedule.ToBeAnnounced.unknown());
        text(event, Property.DESCRIPTION).map(EventImport::plainText).filter(d -> !d.isBlank())
                .ifPresent(d -> builder.description(LocalizedText.fr(d)));
        placeOf(event).ifPresent(builder::place);
        text(event, Property.URL).flatMap(EventImport::webUrl).ifPresent(url -> builder.link(new Link(url, null)));
        Optional<LastModified> lastModified = event.getProperty(Property.LAST_MODIFIED);
        lastModified.map(LastModified::getDate).ifPresent(builder::lastModified);
        text(event, Property.SEQUENCE).ifPresent(sequence -> {
            try {
                builder.revision(Math.max(0, Integer.parseInt(sequence.strip())));
            } catch (NumberFormatException e) {
                // A bad SEQUENCE only loses the revision.
            }
        });
        return builder.build();
    }

    private static ActivityKind kindOf(VEvent event) {
        List<Categories> categories = event.getProperties(Property.CATEGORIES);
        for (Categories property : categories) {
            for (String word : property.getCategories().getTexts()) {
                Optional<ActivityKind> kind = KindLabels.kindNamed(word);
                if (kind.isPresent()) {
                    return kind.get();
                }
            }
        }
        return ActivityKind.OTHER;
    }

    private static Optional<Place> placeOf(VEvent event) {
        Optional<URI> online = text(event, "CONFERENCE").flatMap(EventImport::webUrl)
                .or(() -> text(event, "X-GOOGLE-CONFERENCE").flatMap(EventImport::webUrl))
                .or(() -> text(event, "X-MICROSOFT-SKYPETEAMSMEETINGURL").flatMap(EventImport::webUrl));
        Optional<String> location = text(event, Property.LOCATION).map(String::strip).filter(l -> !l.isEmpty());
        Optional<URI> locationUrl = location.flatMap(EventImport::webUrl);
        if (locationUrl.isPresent()) {
            online = online.or(() -> locationUrl);
            location = Optional.empty();
        } else if (location.isPresent() && isOnlineWord(location.get())) {
            location = Optional.empty();
            if (online.isEmpty()) {
                return Optional.of(new Place.Online(null, null, null));
            }
        }
        Optional<Geo> geoProperty = event.getProperty(Property.GEO);
        org.jqsi.core.model.Geo geo = geoProperty.map(g -> new org.jqsi.core.model.Geo(g.getLatitude().doubleValue(),
                g.getLongitude().doubleValue())).orElse(null);
        Optional<Place.Venue> venue = location.map(l -> VenueText.parse(l, geo));
        Optional<Place.Online> remote = online.map(url -> new Place.Online(url, null, null));
        if (venue.isPresent() && remote.isPresent()) {
            return Optional.of(new Place.Hybrid(venue.get(), remote.get()));
        }
        return venue.<Place>map(v -> v).or(() -> remote.map(r -> r));
    }

    private static boolean isOnlineWord(String location) {
        String word = location.toLowerCase(Locale.ROOT);
        // What Outlook and Google put in LOCATION for a video call: a name, not a place.
        return word.equals("en ligne") || word.equals("online") || word.equals("virtuel") || word.equals("virtual")
                || !word.contains(",") && (word.contains("microsoft teams") || word.contains("zoom")
                        || word.contains("google meet"));
    }

    private static Optional<URI> webUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme();
            if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (java.net.URISyntaxException e) {
            // Not a link.
        }
        return Optional.empty();
    }

    /** Descriptions typed in Google Calendar's web page come as HTML: keep the text and the line breaks. */
    private static String plainText(String description) {
        if (!description.contains("<") || !description.contains(">")) {
            return description.strip();
        }
        return description.replaceAll("(?i)<br\\s*/?>|</p>|</li>|</div>", "\n").replaceAll("<[^>]*>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").strip();
    }

    private static Optional<String> text(VEvent event, String name) {
        Optional<Property> property = event.getProperty(name);
        return property.map(Property::getValue).filter(v -> !v.isBlank());
    }

    private Moment endOf(VEvent event, Moment start) throws BadEvent {
        Optional<DateProperty<Temporal>> endProperty = event.getProperty(Property.DTEND);
        if (endProperty.isPresent()) {
            return moment(endProperty.get());
        }
        Optional<Duration> duration = event.getProperty(Property.DURATION);
        if (duration.isPresent()) {
            TemporalAmount amount = duration.get().getDuration();
            return start.plus(amount);
        }
        // RFC 5545: an all-day event with no end lasts its day; a timed one has no announced end.
        return start.date != null ? Moment.date(start.date.plusDays(1)) : null;
    }

    /** A date or date-time property, in a zone jqsi knows. */
    private Moment moment(DateProperty<Temporal> property) throws BadEvent {
        Temporal value;
        try {
            value = property.getDate();
        } catch (RuntimeException e) {
            throw badDate(property, e);
        }
        if (value == null) {
            throw badDate(property, null);
        }
        Optional<Parameter> tzid = property.getParameter(Parameter.TZID);
        Optional<ZoneId> named = tzid.map(Parameter::getValue).flatMap(EventImport::zoneNamed);
        return Moment.of(value, named.orElse(feedZone));
    }

    private static BadEvent badDate(DateProperty<Temporal> property, RuntimeException cause) {
        String detail = cause == null ? "" : " (" + cause.getMessage() + ")";
        return new BadEvent("event.bad-date", LocalizedText.of(
                property.getName() + " n'est pas une date lisible : " + property.getValue() + detail,
                property.getName() + " is not a readable date: " + property.getValue() + detail),
                property.getName());
    }

    /**
     * The most candidate dates a recurrence rule may make iCal4j step through, from the event's start to the end of
     * the edition. A festival event repeats daily or weekly: a few hundred steps. Without a bound, a single
     * {@code RRULE:FREQ=SECONDLY} (or a long list of {@code BYSECOND}/{@code BYMINUTE} values, or a start centuries
     * ago) in a 200-byte feed makes millions of occurrences and holds the importer for seconds to hours.
     */
    public static final long MAX_RECURRENCE_STEPS = 100_000;

    /**
     * The most activities one recurring event may become in an edition: more than three an hour for a month. Past
     * it the event is refused rather than flooding the program with copies.
     */
    public static final int MAX_OCCURRENCES = 2_000;

    /** Refuses a recurring event whose rule would cost more than {@link #MAX_RECURRENCE_STEPS} to expand. */
    private void checkRecurrenceCost(VEvent event, Moment start) throws BadEvent {
        Optional<RRule<Temporal>> property = event.getProperty(Property.RRULE);
        if (property.isEmpty()) {
            return;
        }
        Recur<Temporal> recur = property.get().getRecur();
        double unit = switch (recur.getFrequency()) {
            case SECONDLY -> 1;
            case MINUTELY -> 60;
            case HOURLY -> 3_600;
            case DAILY -> 86_400;
            case WEEKLY -> 7 * 86_400;
            case MONTHLY -> 28 * 86_400;
            case YEARLY -> 365 * 86_400;
        };
        LocalDate from = start.date != null ? start.date : start.time.toLocalDate();
        LocalDate until = target.edition().end().plusDays(2);
        double seconds = Math.max(86_400, (double) java.time.temporal.ChronoUnit.DAYS.between(from, until) * 86_400);
        double perStep = 1;
        for (List<?> expansion : List.of(recur.getSecondList(), recur.getMinuteList(), recur.getHourList(),
                recur.getDayList(), recur.getMonthDayList(), recur.getYearDayList(), recur.getWeekNoList(),
                recur.getMonthList())) {
            perStep *= Math.max(1, expansion.size());
        }
        double steps = seconds / (unit * Math.max(1, recur.getInterval())) * perStep;
        if (recur.getCount() > 0) {
            // A count stops the expansion early, whatever the frequency.
            steps = Math.min(steps, (double) recur.getCount() * perStep);
        }
        if (steps > MAX_RECURRENCE_STEPS) {
            throw new BadEvent("event.recurrence-too-large", LocalizedText.of(
                    "la règle de répétition produit trop de dates (plus de " + MAX_RECURRENCE_STEPS
                            + ") jusqu'à la fin de l'édition",
                    "the recurrence rule makes too many dates (over " + MAX_RECURRENCE_STEPS
                            + ") up to the end of the edition"), Property.RRULE);
        }
    }

    private Period<Temporal> editionPeriod(Moment start) {
        Edition edition = target.edition();
        // A day of margin on each side: the edition's days are local, the recurrence set may be in UTC.
        LocalDate first = edition.start().minusDays(1);
        LocalDate afterLast = edition.end().plusDays(2);
        Temporal from;
        Temporal to;
        if (start.original instanceof LocalDate) {
            from = first;
            to = afterLast;
        } else if (start.original instanceof LocalDateTime) {
            from = first.atStartOfDay();
            to = afterLast.atStartOfDay();
        } else if (start.original instanceof ZonedDateTime zoned) {
            from = first.atStartOfDay(zoned.getZone());
            to = afterLast.atStartOfDay(zoned.getZone());
        } else if (start.original instanceof OffsetDateTime) {
            from = first.atStartOfDay().atOffset(ZoneOffset.UTC);
            to = afterLast.atStartOfDay().atOffset(ZoneOffset.UTC);
        } else {
            from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
            to = afterLast.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return new Period<>(from, to);
    }

    private Schedule schedule(Moment start, Moment end) {
        if (start.date != null) {
            LocalDate last = end == null || end.date == null || !end.date.isAfter(start.date) ? start.date
                    : end.date.minusDays(1);
            return Schedule.Window.days(start.date, last, start.zone);
        }
        LocalDateTime endLocal = null;
        if (end != null && end.time != null) {
            // An end in another zone than the start is read in the start's zone.
            LocalDateTime local = end.time.atZone(end.zone).withZoneSameInstant(start.zone).toLocalDateTime();
            endLocal = local.isAfter(start.time) ? local : null;
        }
        return new Schedule.Timed(start.time, endLocal, start.zone);
    }

    private boolean overlapsEdition(Schedule schedule) {
        Edition edition = target.edition();
        LocalDate first = schedule.firstDay().orElseThrow();
        LocalDate last = schedule.lastDay().orElseThrow();
        return !first.isAfter(edition.end()) && !last.isBefore(edition.start());
    }

    private static String key(Moment moment) {
        return moment.date != null ? moment.date.format(DAY_KEY) : moment.time.format(TIME_KEY);
    }

    /** A date, or a local date-time in a zone: what a schedule is made of. */
    private static final class Moment {
        final Temporal original;
        final LocalDate date;
        final LocalDateTime time;
        final ZoneId zone;

        private Moment(Temporal original, LocalDate date, LocalDateTime time, ZoneId zone) {
            this.original = original;
            this.date = date;
            this.time = time;
            this.zone = zone;
        }

        static Moment date(LocalDate date) {
            return new Moment(date, date, null, null);
        }

        static Moment of(Temporal value, ZoneId zone) {
            if (value instanceof LocalDate date) {
                return new Moment(value, date, null, zone);
            }
            if (value instanceof LocalDateTime floating) {
                return new Moment(value, null, floating, zone);
            }
            Instant instant = Instant.from(value);
            return new Moment(value, null, LocalDateTime.ofInstant(instant, zone), zone);
        }

        Moment plus(TemporalAmount amount) {
            if (date != null) {
                java.time.Period days = amount instanceof java.time.Period p ? p
                        : java.time.Period.ofDays((int) java.time.Duration.from(amount).toDays());
                return new Moment(original, date.plus(days), null, zone);
            }
            // Durations are exact (RFC 5545: "PT1H" is an hour even across a clock change).
            ZonedDateTime end = time.atZone(zone).plus(amount);
            return new Moment(original, null, end.toLocalDateTime(), zone);
        }

        boolean isBefore(Moment other) {
            if (date != null && other.date != null) {
                return date.isBefore(other.date);
            }
            if (time != null && other.time != null) {
                return time.atZone(zone).isBefore(other.time.atZone(other.zone));
            }
            return false;
        }

        @Override
        public String toString() {
            return date != null ? date.toString() : time + " " + zone;
        }
    }
}
