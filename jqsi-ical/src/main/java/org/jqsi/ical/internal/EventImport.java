package org.jqsi.ical.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Link;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Origin;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.validation.Location;
import org.jqsi.core.validation.Problem;
import org.jqsi.ical.FeedTarget;

/**
 * Reads one {@code VEVENT} of a partner's feed into an {@link Event}: its times in their frames
 * ({@link FeedZones}), its recurrence properties, and the activity it stands for, without a schedule yet
 * ({@link Recurrence} gives one per occurrence).
 *
 * <p>What is missing or wrong is handled part by part, so that one bad part loses only itself: an event without
 * {@code SUMMARY} takes the first line of its description, or a bilingual placeholder; one without {@code UID} gets a
 * stable one made from its start and title; an unreadable {@code GEO} is dropped; an unknown {@code TZID} falls back
 * to the feed's zone. Each with a warning naming the UID and the line. An event whose start cannot be read, or that
 * ends before it starts, is left out with an error.
 */
public final class EventImport {

    /** The longest title kept, in characters: what the program file accepts ({@code LocalizedText}). */
    static final int MAX_TEXT = 20_000;

    /** An event that cannot become an activity: the error, placed at its UID and the feed's line at fault. */
    public static final class BadEvent extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        /**
         * @param uid the event's UID, or {@code null} when it has none
         * @param line the feed's line at fault (the event's first when the fault has no line of its own: 0)
         */
        BadEvent(String code, LocalizedText reason, String uid, int line) {
            super(reason.in(Language.EN));
            this.problem = Problem.error(Location.event(uid, Math.max(1, line)), code, reason);
        }

        /** The error, with its code, its place in the feed and why, in French and English. */
        public Problem problem() {
            return problem;
        }
    }

    /**
     * A DATE or DATE-TIME property read in its frame.
     *
     * @param value the value as written
     * @param frame how its local time becomes an instant ({@code null} for a DATE)
     * @param line the feed's line
     */
    record Moment(IcalValues.When value, FeedZones.Frame frame, int line) {

        boolean isDate() {
            return value.isDate();
        }

        /** The instant of a DATE-TIME. */
        Instant instant() {
            return frame.instant(value.time());
        }

        /** The local date-time in another frame, through the instant (or as written, in the same frame). */
        LocalDateTime in(FeedZones.Frame other) {
            if (sameFrame(other)) {
                return value.time();
            }
            Instant instant = instant();
            return LocalDateTime.ofInstant(instant, other.rules().getOffset(instant));
        }

        private boolean sameFrame(FeedZones.Frame other) {
            return frame.rules().equals(other.rules()) && frame.keepsLocal() == other.keepsLocal()
                    && frame.zone().equals(other.zone());
        }
    }

    /**
     * One event of the feed, read.
     *
     * @param uid its UID (or the one made for it)
     * @param line the line of its {@code BEGIN:VEVENT}
     * @param sequence its {@code SEQUENCE}, 0 when absent
     * @param stamp its {@code DTSTAMP} (else {@code LAST-MODIFIED}), or {@code null}
     * @param recurrenceId the occurrence it replaces, or {@code null} for a master or single event
     * @param start its {@code DTSTART}
     * @param end its {@code DTEND}, or {@code null}
     * @param duration its {@code DURATION}, or {@code null}
     * @param component the component, for its recurrence properties
     * @param activity what it stands for, with a placeholder schedule
     */
    record Event(String uid, int line, int sequence, Instant stamp, Moment recurrenceId, Moment start, Moment end,
            IcalValues.Span duration, FeedText.Component component, Activity activity) {

        /** The daily hours when jqsi's own feed says the event is a window of days, else {@code null}. */
        java.time.LocalTime[] window() {
            return JqsiProperties.window(component);
        }

        boolean isRecurring() {
            return component.property("RRULE").isPresent() || component.property("RDATE").isPresent();
        }
    }

    private final FeedTarget target;
    private final String ownDomain;
    private final ImportProblems problems;
    /** The zones already warned about, by UID: an event's DTSTART and DTEND in the same zone get one warning. */
    private final java.util.Set<String> warnedZones = new java.util.HashSet<>();

    public EventImport(FeedTarget target, String ownDomain, ImportProblems problems) {
        this.target = target;
        this.ownDomain = ownDomain;
        this.problems = problems;
    }

    /** The UID of an event as the feed gives it, or one made from its content when it has none. */
    static String uidOf(FeedText.Component event) {
        String uid = event.uid();
        if (uid != null) {
            return uid;
        }
        // RFC 5545 requires a UID; some exporters omit it. Its start and title make one that a second run finds.
        String content = event.property("DTSTART").map(l -> l.parameters() + l.value()).orElse("") + "\n"
                + event.property("SUMMARY").map(ContentLine::value).orElse("");
        return "sans-uid-" + ImportedIds.hash(content, 8) + "@import.jqsi";
    }

    /**
     * Reads an event.
     *
     * @throws BadEvent when it cannot become an activity at all
     */
    Event read(FeedText.Component component, FeedZones zones) throws BadEvent {
        String uid = uidOf(component);
        boolean madeUid = component.uid() == null;
        if (madeUid) {
            problems.warning(null, component.firstLine(), "event.uid-missing",
                    IcalMessages.text("event.uid-missing", uid));
        }
        String reported = madeUid ? null : uid;
        ContentLine startLine = component.property("DTSTART").orElseThrow(() -> new BadEvent("event.start-missing",
                IcalMessages.text("event.start-missing"), reported, component.firstLine()));
        Moment start = moment(startLine, zones, reported);
        Moment end = null;
        if (component.property("DTEND").isPresent()) {
            try {
                end = moment(component.property("DTEND").get(), zones, reported);
            } catch (BadEvent e) {
                // An end that cannot be read loses only itself: the event is announced without one.
                problems.add(Problem.warning(e.problem().location(), "event.bad-end",
                        IcalMessages.text("event.without-end", e.problem().message())));
            }
        }
        IcalValues.Span duration = null;
        Optional<ContentLine> durationLine = component.property("DURATION");
        if (end == null && component.property("DTEND").isEmpty() && durationLine.isPresent()) {
            try {
                duration = IcalValues.span(durationLine.get().value());
            } catch (IcalValues.BadValue e) {
                problems.warning(reported, durationLine.get().line(), "event.bad-end",
                        IcalMessages.text("event.bad-duration", e.reason()));
            }
        }
        checkEnd(start, end, duration, component, reported);
        Moment recurrenceId = component.property("RECURRENCE-ID").isPresent()
                ? moment(component.property("RECURRENCE-ID").get(), zones, reported) : null;
        int sequence = component.property("SEQUENCE").map(l -> {
            try {
                return Math.max(0, Integer.parseInt(l.value().strip()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }).orElse(0);
        Instant stamp = utcInstant(component, "DTSTAMP").or(() -> utcInstant(component, "LAST-MODIFIED"))
                .orElse(null);
        return new Event(uid, component.firstLine(), sequence, stamp, recurrenceId, start, end, duration, component,
                activity(component, uid, reported));
    }

    private void checkEnd(Moment start, Moment end, IcalValues.Span duration, FeedText.Component component,
            String uid) throws BadEvent {
        boolean before;
        int line;
        if (end != null) {
            line = end.line();
            before = start.isDate() || end.isDate() ? end.value().day().isBefore(start.value().day())
                    : end.instant().isBefore(start.instant());
        } else if (duration != null) {
            line = component.property("DURATION").orElseThrow().line();
            before = duration.days() < 0 || duration.seconds() < 0;
        } else {
            return;
        }
        if (before) {
            throw new BadEvent("event.end-before-start",
                    IcalMessages.text("event.end-before-start", start.value().day()), uid, line);
        }
    }

    /** A DATE or DATE-TIME property in its frame: a {@code TZID} on a DATE is ignored, as RFC 5545 readers do. */
    Moment moment(ContentLine property, FeedZones zones, String uid) throws BadEvent {
        IcalValues.When value;
        String raw = IcalValues.list(property.value()).get(0);
        try {
            value = IcalValues.when(raw);
        } catch (IcalValues.BadValue e) {
            throw new BadEvent("event.bad-date", IcalMessages.text("event.bad-date", property.name(), e.reason()),
                    uid, property.line());
        }
        return new Moment(value, frameOf(property, value, zones, uid), property.line());
    }

    /** The frame of one value of a property (its own {@code TZID}, {@code Z}, or floating). */
    FeedZones.Frame frameOf(ContentLine property, IcalValues.When value, FeedZones zones, String uid) {
        if (value.isDate()) {
            return zones.frame(false);
        }
        if (value.utc()) {
            return zones.frame(true);
        }
        Optional<String> tzid = property.parameter("TZID");
        if (tzid.isEmpty()) {
            return zones.frame(false);
        }
        FeedZones.Frame frame = zones.frame(tzid.get());
        boolean first = warnedZones.add(uid + "\n" + tzid.get());
        if (frame == null) {
            frame = zones.fallback();
            if (first) {
                problems.warning(uid, property.line(), "event.unknown-zone",
                        IcalMessages.text("event.unknown-zone", tzid.get(), frame.zone()));
            }
        } else if (first && frame.fileRules() != null) {
            java.time.ZoneOffset file = frame.fileRules().getOffset(value.time());
            java.time.ZoneOffset database = frame.rules().getOffset(value.time());
            if (!file.equals(database)) {
                problems.warning(uid, property.line(), "event.zone-rules-differ", IcalMessages.text(
                        "event.zone-rules-differ", tzid.get(), file, value.time(), database, frame.zone()));
            }
        }
        return frame;
    }

    private static Optional<Instant> utcInstant(FeedText.Component component, String name) {
        return component.property(name).flatMap(line -> {
            try {
                IcalValues.When when = IcalValues.when(line.value());
                return when.isDate() ? Optional.empty() : Optional.of(when.time().toInstant(ZoneOffset.UTC));
            } catch (IcalValues.BadValue e) {
                return Optional.empty();
            }
        });
    }

    private Activity activity(FeedText.Component event, String uid, String reported) throws BadEvent {
        Optional<String> description = description(event);
        String title = text(event, "SUMMARY").orElse(null);
        if (title == null) {
            Optional<String> firstLine = description.map(d -> d.lines().filter(l -> !l.isBlank()).findFirst()
                    .orElse("").strip()).filter(l -> !l.isEmpty());
            problems.warning(reported, event.firstLine(), "event.summary-missing", IcalMessages.text(
                    firstLine.isPresent() ? "event.summary-missing.first-line" : "event.summary-missing.untitled"));
            title = firstLine.map(l -> l.length() > 200 ? l.substring(0, 199) + "…" : l).orElse(null);
        }
        if (title != null && title.length() > MAX_TEXT) {
            throw new BadEvent("event.title-too-long", IcalMessages.text("event.title-too-long", title.length(),
                    MAX_TEXT), reported, event.property("SUMMARY").map(ContentLine::line).orElse(event.firstLine()));
        }
        String summaryLanguage = event.property("SUMMARY").flatMap(l -> l.parameter("LANGUAGE")).orElse(null);
        LocalizedText titles = JqsiProperties.texts(event, JqsiProperties.TITLE, title, summaryLanguage,
                target.textLanguage());
        Activity.Builder builder = Activity.builder(ImportedIds.forUid(uid, ownDomain))
                .edition(target.edition().id())
                .kind(kindOf(event))
                .title(titles != null ? titles : IcalMessages.text("event.untitled"))
                .region(target.region())
                .partner(target.partnerId(), PartnerRole.ORGANIZER)
                .origin(Origin.of(target.sourceId(), uid))
                .status(text(event, "STATUS").filter(s -> s.strip().equalsIgnoreCase("CANCELLED")).isPresent()
                        ? Status.CANCELLED : JqsiProperties.status(event).orElse(Status.SCHEDULED))
                .previousStart(JqsiProperties.previousStart(event).orElse(null))
                // A placeholder; each occurrence's own schedule replaces it.
                .schedule(Schedule.ToBeAnnounced.unknown());
        description.map(d -> {
            if (d.length() <= MAX_TEXT) {
                return d;
            }
            problems.warning(reported, event.property("DESCRIPTION").map(ContentLine::line).orElse(event.firstLine()),
                    "event.description-too-long", IcalMessages.text("event.description-too-long", d.length(),
                            MAX_TEXT));
            return d.substring(0, MAX_TEXT - 1) + "…";
        }).map(d -> JqsiProperties.texts(event, JqsiProperties.DESCRIPTION, d,
                event.property("DESCRIPTION").flatMap(l -> l.parameter("LANGUAGE")).orElse(null),
                target.textLanguage()))
                .ifPresent(builder::description);
        placeOf(event, reported).ifPresent(builder::place);
        text(event, "URL").flatMap(EventImport::webUrl).ifPresent(url -> builder.link(new Link(url, null)));
        utcInstant(event, "LAST-MODIFIED").ifPresent(builder::lastModified);
        event.property("SEQUENCE").ifPresent(sequence -> {
            try {
                builder.revision(Math.max(0, Integer.parseInt(sequence.value().strip())));
            } catch (NumberFormatException e) {
                // A bad SEQUENCE only loses the revision.
            }
        });
        return builder.build();
    }

    /** The description as text: DESCRIPTION, else an HTML X-ALT-DESC; HTML becomes text. */
    private static Optional<String> description(FeedText.Component event) {
        Optional<String> plain = text(event, "DESCRIPTION");
        Optional<String> alternative = event.all("X-ALT-DESC").stream()
                .filter(l -> l.parameter("FMTTYPE").filter(t -> t.strip().equalsIgnoreCase("text/html")).isPresent())
                .map(l -> IcalValues.text(l.value())).filter(v -> !v.isBlank()).findFirst();
        Optional<String> chosen = plain.or(() -> alternative.map(HtmlText::toText));
        return chosen.map(d -> HtmlText.looksLikeHtml(d) ? HtmlText.toText(d) : lineEnds(d).strip())
                .filter(d -> !d.isBlank());
    }

    /** CR, CRLF, and the characters some readers take for line ends (U+0085, U+2028, U+2029) as {@code \n}. */
    private static String lineEnds(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace('\u0085', '\n').replace('\u2028', '\n')
                .replace('\u2029', '\n');
    }

    private static ActivityKind kindOf(FeedText.Component event) {
        for (ContentLine property : event.all("CATEGORIES")) {
            for (String word : IcalValues.list(property.value())) {
                Optional<ActivityKind> kind = KindLabels.kindNamed(IcalValues.text(word).strip());
                if (kind.isPresent()) {
                    return kind.get();
                }
            }
        }
        return ActivityKind.OTHER;
    }

    private Optional<Place> placeOf(FeedText.Component event, String uid) {
        Optional<URI> online = text(event, "CONFERENCE").flatMap(EventImport::webUrl)
                .or(() -> text(event, "X-GOOGLE-CONFERENCE").flatMap(EventImport::webUrl))
                .or(() -> text(event, "X-MICROSOFT-SKYPETEAMSMEETINGURL").flatMap(EventImport::webUrl));
        Optional<String> location = text(event, "LOCATION").map(String::strip).filter(l -> !l.isEmpty());
        Optional<URI> locationUrl = location.flatMap(EventImport::webUrl);
        if (locationUrl.isPresent()) {
            online = online.or(() -> locationUrl);
            location = Optional.empty();
        } else if (location.isPresent() && isOnlineWord(location.get())) {
            location = Optional.empty();
            if (online.isEmpty()) {
                return Optional.of(JqsiProperties.online(event, new Place.Online(null, null, null)));
            }
        }
        org.jqsi.core.model.Geo geo = null;
        Optional<ContentLine> geoLine = event.property("GEO");
        if (geoLine.isPresent()) {
            double[] at = IcalValues.geo(geoLine.get().value());
            if (at == null) {
                problems.warning(uid, geoLine.get().line(), "event.bad-geo",
                        IcalMessages.text("event.bad-geo", shorten(geoLine.get().value())));
            } else {
                geo = new org.jqsi.core.model.Geo(at[0], at[1]);
            }
        }
        org.jqsi.core.model.Geo at = geo;
        Optional<Place.Venue> venue = location.map(l -> VenueText.parse(l, at));
        Optional<Place.Online> remote = online.map(url -> JqsiProperties.online(event, new Place.Online(url, null,
                null)));
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

    /** A TEXT property's value, unescaped, if present and not blank. */
    private static Optional<String> text(FeedText.Component event, String name) {
        return event.property(name).map(l -> IcalValues.text(l.value())).filter(v -> !v.isBlank());
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
