package org.jqsi.ical;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.ical.internal.IcalMessages;
import org.jqsi.ical.internal.QueryValues;
import org.jqsi.ical.internal.StatusTitles;

/**
 * "Add to my calendar" links for one activity: Google Calendar and Outlook (outlook.com and Microsoft 365) open an
 * event form filled with its title, times, place and description. Activities "to be announced" have none, nor do
 * cancelled ones; a postponed one's title starts with "REPORTÉ — " ("POSTPONED — "), and a moved-online one's
 * place is online.
 *
 * <p>These are web links, not iCalendar: for Apple Calendar or Thunderbird, offer the activity's {@code .ics}
 * ({@link CalendarExporter#activityFile}).
 */
public final class WebCalendarLinks {

    private static final DateTimeFormatter GOOGLE_LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter GOOGLE_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter OUTLOOK_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
    /** Links carry a description: long ones are cut so that the URL stays under what browsers and servers take. */
    private static final int MAX_DETAILS = 1000;

    private final IcalSettings settings;

    public WebCalendarLinks(IcalSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * A Google Calendar link: local times with the activity's zone ({@code ctz}), or dates for an all-day window
     * (end exclusive, as Google wants). A timed activity with no announced end lasts
     * {@link Schedule.Timed#ASSUMED_DURATION}, as in the feeds.
     */
    public Optional<URI> google(Activity activity, Language language) {
        return googleHref(activity, language).map(URI::create);
    }

    /**
     * The {@link #google} link as text, ready for an {@code href}: an absolute {@code https} address whose query
     * values are percent-encoded, so nothing in it needs checking again (a page with many activities need not parse
     * each link back into a {@link URI}).
     */
    public Optional<String> googleHref(Activity activity, Language language) {
        if (!offered(activity)) {
            return Optional.empty();
        }
        Language lang = language == null ? settings.defaultLanguage() : language;
        Map<String, String> query = new LinkedHashMap<>();
        query.put("action", "TEMPLATE");
        query.put("text", StatusTitles.title(activity, lang));
        Schedule schedule = activity.schedule();
        if (schedule instanceof Schedule.Window window && window.allDay()) {
            query.put("dates", window.first().format(GOOGLE_DATE) + "/" + window.last().plusDays(1).format(GOOGLE_DATE));
        } else {
            ZonedDateTime start = schedule.startsAt().orElseThrow();
            ZonedDateTime end = endOf(schedule);
            query.put("dates", google(start) + "/" + google(end));
            query.put("ctz", start.getZone().getId());
        }
        details(activity, lang).ifPresent(d -> query.put("details", d));
        location(activity, lang).ifPresent(l -> query.put("location", l));
        return Optional.of(encode("https://calendar.google.com/calendar/render?", query));
    }

    /** An Outlook.com (personal Microsoft account) link. */
    public Optional<URI> outlook(Activity activity, Language language) {
        return outlookHref(activity, language).map(URI::create);
    }

    /** The {@link #outlook} link as text, ready for an {@code href}, as {@link #googleHref}. */
    public Optional<String> outlookHref(Activity activity, Language language) {
        return outlookAt("https://outlook.live.com/calendar/0/action/compose", activity, language);
    }

    /** A Microsoft 365 (work or school account) link. */
    public Optional<URI> office365(Activity activity, Language language) {
        return outlookAt("https://outlook.office.com/calendar/0/action/compose", activity, language).map(URI::create);
    }

    private Optional<String> outlookAt(String base, Activity activity, Language language) {
        if (!offered(activity)) {
            return Optional.empty();
        }
        Language lang = language == null ? settings.defaultLanguage() : language;
        Map<String, String> query = new LinkedHashMap<>();
        query.put("path", "/calendar/action/compose");
        query.put("rru", "addevent");
        query.put("subject", StatusTitles.title(activity, lang));
        Schedule schedule = activity.schedule();
        if (schedule instanceof Schedule.Window window && window.allDay()) {
            query.put("startdt", window.first().toString());
            query.put("enddt", window.last().plusDays(1).toString());
            query.put("allday", "true");
        } else {
            // Outlook reads UTC without trouble; local times would be read in the user's zone.
            ZonedDateTime start = schedule.startsAt().orElseThrow();
            ZonedDateTime end = endOf(schedule);
            query.put("startdt", outlookUtc(start.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime()));
            query.put("enddt", outlookUtc(end.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime()));
            query.put("allday", "false");
        }
        details(activity, lang).ifPresent(d -> query.put("body", d));
        location(activity, lang).ifPresent(l -> query.put("location", l));
        return Optional.of(encode(base + "?", query));
    }

    /**
     * Whether the links are offered: not for an activity to be announced (no date), nor for a cancelled one, which
     * nobody should add to a calendar.
     */
    private static boolean offered(Activity activity) {
        return activity.schedule().isDated() && activity.status() != Status.CANCELLED;
    }

    /** The end to show: a timed activity with no announced end lasts {@link Schedule.Timed#ASSUMED_DURATION}. */
    private static ZonedDateTime endOf(Schedule schedule) {
        return schedule instanceof Schedule.Timed timed ? timed.endOrAssumed() : schedule.endsAt().orElseThrow();
    }

    /**
     * A Google Calendar time: local, read in the {@code ctz} zone; in UTC when the local time names two instants
     * (the hour repeated when daylight saving time ends), so that Google cannot take the other one.
     */
    private static String google(ZonedDateTime time) {
        LocalDateTime local = time.toLocalDateTime();
        // No transition at this local time: one offset (a gap has none, an overlap two). Cheaper than listing them.
        if (time.getZone().getRules().getTransition(local) == null) {
            return googleLocal(local);
        }
        return googleLocal(time.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "Z";
    }

    /**
     * {@code yyyyMMdd'T'HHmmss}, written digit by digit: a widget page writes four of these per activity, and
     * {@link DateTimeFormatter} goes through its printer-parsers for each (WebCalendarLinksTest compares both).
     */
    static String googleLocal(LocalDateTime time) {
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return time.format(GOOGLE_LOCAL);
        }
        StringBuilder out = new StringBuilder(15);
        digits(out, time.getYear(), 4);
        digits(out, time.getMonthValue(), 2);
        digits(out, time.getDayOfMonth(), 2);
        out.append('T');
        digits(out, time.getHour(), 2);
        digits(out, time.getMinute(), 2);
        digits(out, time.getSecond(), 2);
        return out.toString();
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss'Z'} of a UTC time, written digit by digit as {@link #googleLocal}. */
    static String outlookUtc(LocalDateTime time) {
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return time.format(OUTLOOK_UTC);
        }
        StringBuilder out = new StringBuilder(20);
        digits(out, time.getYear(), 4);
        digits(out.append('-'), time.getMonthValue(), 2);
        digits(out.append('-'), time.getDayOfMonth(), 2);
        digits(out.append('T'), time.getHour(), 2);
        digits(out.append(':'), time.getMinute(), 2);
        digits(out.append(':'), time.getSecond(), 2);
        return out.append('Z').toString();
    }

    private static void digits(StringBuilder out, int value, int width) {
        for (int divisor = width == 4 ? 1000 : 10; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
    }

    private static Optional<String> details(Activity activity, Language language) {
        StringBuilder text = new StringBuilder();
        if (activity.description() != null) {
            text.append(activity.description().in(language));
        }
        Optional.ofNullable(activity.place()).flatMap(Place::onlinePart).flatMap(Place.Online::link)
                .ifPresent(url -> text.append(text.length() > 0 ? "\n\n" : "").append(url));
        if (text.length() > MAX_DETAILS) {
            int cut = MAX_DETAILS - 1;
            if (Character.isLowSurrogate(text.charAt(cut))) {
                cut--;
            }
            text.setLength(cut);
            text.append('…');
        }
        return text.length() == 0 ? Optional.empty() : Optional.of(text.toString());
    }

    private static Optional<String> location(Activity activity, Language language) {
        // An activity moved online is no longer at the hall its place still names.
        Place place = activity.heldPlace().orElse(null);
        if (place == null) {
            return Optional.empty();
        }
        Optional<Place.Venue> venue = place.venuePart();
        if (venue.isPresent()) {
            Address address = venue.get().address();
            StringBuilder text = new StringBuilder(venue.get().name());
            if (address.street() != null) {
                text.append(", ").append(address.street());
            }
            text.append(", ").append(address.municipality());
            if (address.postalCode() != null) {
                text.append(" ").append(address.postalCode());
            }
            return Optional.of(text.toString());
        }
        return place.onlinePart().flatMap(Place.Online::link).map(URI::toString)
                .or(() -> Optional.of(IcalMessages.message(language, "place.online")));
    }

    private static String encode(String address, Map<String, String> query) {
        StringBuilder out = new StringBuilder(address.length() + 512).append(address);
        boolean first = true;
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (!first) {
                out.append('&');
            }
            first = false;
            // %20 rather than '+': Outlook shows a '+' literally.
            out.append(e.getKey()).append('=');
            QueryValues.append(out, e.getValue());
        }
        return out.toString();
    }
}
