package org.jqsi.ical.internal;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.XParameter;
import net.fortuna.ical4j.model.property.XProperty;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;

/**
 * The {@code X-JQSI-} properties that carry what iCalendar has no property for, so that jqsi's own feeds read back
 * into a program give the same schedules and texts (RFC 5545 §3.8.8.2: other readers ignore them):
 *
 * <ul>
 * <li>{@code X-JQSI-TITLE;LANGUAGE=en:…} and {@code X-JQSI-DESCRIPTION;LANGUAGE=en:…}: the title and description in
 *     every language, since {@code SUMMARY} holds one, and the feed's after a status ("ANNULÉ — …");</li>
 * <li>{@code X-JQSI-SCHEDULE;X-OPENS=1900;X-CLOSES=2100:window}: a window of days with daily hours (an exhibition open
 *     19:00 to 21:00 from the 13th to the 15th), which {@code DTSTART}/{@code DTEND} can only give as one long event;</li>
 * <li>{@code X-JQSI-STATUS:postponed}, {@code rescheduled}, {@code moved-online} and {@code X-JQSI-PREVIOUS-START}:
 *     the statuses {@code STATUS} has no value for;</li>
 * <li>{@code X-JQSI-PLATFORM:facebook} and {@code X-JQSI-HOST:aqoci}: where an online activity is shown, and by
 *     which partner.</li>
 * </ul>
 */
final class JqsiProperties {

    static final String TITLE = "X-JQSI-TITLE";
    static final String DESCRIPTION = "X-JQSI-DESCRIPTION";
    static final String SCHEDULE = "X-JQSI-SCHEDULE";
    static final String STATUS = "X-JQSI-STATUS";
    static final String PREVIOUS_START = "X-JQSI-PREVIOUS-START";
    static final String PLATFORM = "X-JQSI-PLATFORM";
    static final String HOST = "X-JQSI-HOST";

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HHmm", Locale.ROOT);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);

    private JqsiProperties() {
    }

    /** Adds the properties an activity needs, for a feed in a language (whose texts SUMMARY and DESCRIPTION hold). */
    static void write(VEvent event, Activity activity, Language language, String summary) {
        for (Language other : Language.values()) {
            Optional<String> title = other == Language.FR ? Optional.of(activity.title().fr())
                    : activity.title().english();
            title.filter(t -> !Texts.clean(t).equals(summary)).ifPresent(t -> event.add(text(TITLE, t, other)));
            if (activity.description() != null && other != writtenIn(activity.description(), language)) {
                (other == Language.FR ? Optional.of(activity.description().fr()) : activity.description().english())
                        .ifPresent(d -> event.add(text(DESCRIPTION, d, other)));
            }
        }
        if (activity.schedule() instanceof Schedule.Window window && !window.allDay()) {
            ParameterList parameters = new ParameterList();
            if (window.opens() != null) {
                parameters = parameters.add(new XParameter("X-OPENS", window.opens().format(HOURS)));
            }
            if (window.closes() != null) {
                parameters = parameters.add(new XParameter("X-CLOSES", window.closes().format(HOURS)));
            }
            event.add(new XProperty(SCHEDULE, parameters, "window"));
        }
        switch (activity.status()) {
            case POSTPONED -> event.add(new XProperty(STATUS, "postponed"));
            case RESCHEDULED -> event.add(new XProperty(STATUS, "rescheduled"));
            case MOVED_ONLINE -> event.add(new XProperty(STATUS, "moved-online"));
            case SCHEDULED, CANCELLED -> {
                // STATUS says these.
            }
        }
        if (activity.previousStart() != null) {
            event.add(new XProperty(PREVIOUS_START, activity.previousStart().format(LOCAL)));
        }
        Optional.ofNullable(activity.place()).flatMap(Place::onlinePart).ifPresent(online -> {
            if (online.platform() != null) {
                event.add(new XProperty(PLATFORM, online.platform().name().toLowerCase(Locale.ROOT)));
            }
            if (online.hostPartnerId() != null) {
                event.add(new XProperty(HOST, online.hostPartnerId()));
            }
        });
    }

    private static Language writtenIn(LocalizedText text, Language asked) {
        return text.has(asked) ? asked : Language.FR;
    }

    private static XProperty text(String name, String value, Language language) {
        ParameterList parameters = new ParameterList()
                .add(new net.fortuna.ical4j.model.parameter.Language(language.code()));
        return new XProperty(name, parameters, Texts.clean(value));
    }

    /**
     * Reads the texts back: each {@code X-JQSI-TITLE} (or {@code X-JQSI-DESCRIPTION}) in its language, the
     * {@code SUMMARY} (or {@code DESCRIPTION}) in its own where none is given, French required.
     *
     * @param standardLanguage the {@code LANGUAGE} of the standard property, or {@code null} when it says none
     * @param feedLanguage the language of the feed's texts that say none ({@link org.jqsi.ical.FeedTarget#language()}):
     *     in an English feed, such a text is the English one, and the French one, required, says that it is English
     *     rather than pass English for French: {@code Film night (en anglais)}
     */
    static LocalizedText texts(FeedText.Component event, String name, String standard, String standardLanguage,
            Language feedLanguage) {
        String fr = null;
        String en = null;
        for (ContentLine line : event.all(name)) {
            String value = IcalValues.text(line.value());
            if (isEnglish(line.parameter("LANGUAGE").orElse("fr"))) {
                en = en == null ? value : en;
            } else {
                fr = fr == null ? value : fr;
            }
        }
        if (standard != null && standardLanguage == null && feedLanguage == Language.EN) {
            en = en == null ? standard : en;
            fr = fr == null ? saidInEnglish(name, standard) : fr;
        } else if (standard != null) {
            if (isEnglish(standardLanguage == null ? "fr" : standardLanguage) && en == null && fr != null) {
                en = standard;
            } else if (fr == null) {
                fr = standard;
            }
        }
        return fr == null ? null : LocalizedText.of(fr, en);
    }

    /** The French text that stands for an English one: the English, said to be English, within the size limit. */
    private static String saidInEnglish(String name, String english) {
        String label = name.equals(TITLE) ? " (en anglais)" : "En anglais :\n\n";
        String text = english.length() + label.length() > EventImport.MAX_TEXT
                ? english.substring(0, EventImport.MAX_TEXT - label.length() - 1) + "…" : english;
        return name.equals(TITLE) ? text + label : label + text;
    }

    private static boolean isEnglish(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT).startsWith("en");
    }

    /** The status jqsi gave, when the feed is one of its own; else empty. */
    static Optional<Status> status(FeedText.Component event) {
        return event.property(STATUS).map(l -> switch (l.value().strip().toLowerCase(Locale.ROOT)) {
            case "postponed" -> Status.POSTPONED;
            case "rescheduled" -> Status.RESCHEDULED;
            case "moved-online" -> Status.MOVED_ONLINE;
            default -> null;
        });
    }

    static Optional<LocalDateTime> previousStart(FeedText.Component event) {
        return event.property(PREVIOUS_START).flatMap(l -> {
            try {
                return Optional.of(LocalDateTime.parse(l.value().strip(), LOCAL));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** The online part of a place with the platform and host the feed gives. */
    static Place.Online online(FeedText.Component event, Place.Online online) {
        OnlinePlatform platform = event.property(PLATFORM).flatMap(l -> {
            try {
                return Optional.of(OnlinePlatform.valueOf(l.value().strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }).orElse(online.platform());
        String host = event.property(HOST).map(l -> l.value().strip()).filter(h -> !h.isEmpty())
                .orElse(online.hostPartnerId());
        return new Place.Online(online.url(), platform, host);
    }

    /**
     * The daily hours of a window ({@code [opens, closes]}, each maybe {@code null}), when the event is one; else
     * {@code null}.
     */
    static LocalTime[] window(FeedText.Component event) {
        Optional<ContentLine> line = event.property(SCHEDULE).filter(l -> l.value().strip().equalsIgnoreCase("window"));
        if (line.isEmpty()) {
            return null;
        }
        return new LocalTime[] {hours(line.get().parameter("X-OPENS")), hours(line.get().parameter("X-CLOSES"))};
    }

    private static LocalTime hours(Optional<String> value) {
        try {
            return value.map(v -> LocalTime.parse(v.strip(), HOURS)).orElse(null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
