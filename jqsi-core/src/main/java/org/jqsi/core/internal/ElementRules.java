package org.jqsi.core.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityImage;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.validation.Problem;

/**
 * The rules that relate fields of one edition or activity, which Jakarta Validation's per-field constraints cannot
 * express: they need nothing else from the program, so they run with an element's constraints, while the rest of the
 * program is still being read. Every text of an element is checked here too, for the characters
 * {@link org.jqsi.core.validation.ControlCharacters} refuses, in one walk of its records rather than a constraint on
 * each field. {@link ProgramRules} has those that span records. Each problem names its path in the program the way
 * Hibernate Validator does, so that both kinds read alike.
 */
public final class ElementRules {

    private final RuleFindings found = new RuleFindings();

    private ElementRules() {
    }

    /**
     * The problems of one element of a program's list, at {@code list[index]}: for every element, its texts' control
     * characters ({@link RecordTexts}); for editions and activities, the rules relating their fields.
     */
    public static List<Problem> check(String list, int index, Object element) {
        ElementRules rules = new ElementRules();
        String path = list + "[" + index + "]";
        RecordTexts.check(path, element, rules.found);
        if (element instanceof Activity activity) {
            rules.checkActivity(path, activity);
        } else if (element instanceof Edition edition) {
            rules.checkEdition(path, edition);
        }
        return rules.found.problems();
    }

    private void checkEdition(String path, Edition edition) {
        if (edition.end().isBefore(edition.start())) {
            found.error(path + ".end", "edition.end-before-start", edition.end(), edition.start());
        }
        if (edition.start().getYear() != edition.year()) {
            found.error(path + ".year", "edition.year-mismatch", edition.year(), edition.start());
        }
    }

    private void checkActivity(String path, Activity activity) {
        checkSchedule(path + ".schedule", activity.schedule());
        if (activity.place() != null) {
            checkPlace(path + ".place", activity.place());
        }
        if (activity.registration() != null) {
            checkRegistration(path + ".registration", activity.registration(), activity.schedule());
        }
        checkStatus(path, activity);
        if (activity.image() != null) {
            checkImage(path + ".image", activity.image());
        }
    }

    /**
     * A picture is loaded by partners' https pages, where an http one is blocked as mixed content, and shown to
     * people who may not see it: https, and an alternative text.
     */
    private void checkImage(String path, ActivityImage image) {
        if (!"https".equalsIgnoreCase(image.url().getScheme())) {
            found.error(path + ".url", "image.not-https", image.url());
        }
        if (image.alt() == null) {
            found.error(path + ".alt", "image.no-alt");
        }
        if ((image.width() == null) != (image.height() == null)) {
            found.warning(path + (image.width() == null ? ".width" : ".height"), "image.one-dimension");
        }
    }

    /**
     * A time that does not exist (in a daylight-saving gap) is one error, at that time, and is compared with nothing:
     * the instant {@link java.time.ZonedDateTime#of} would give it is an hour later than written, so that an end an
     * hour after a start in the gap, as written, would read as no later than it.
     */
    private void checkSchedule(String path, Schedule schedule) {
        if (schedule instanceof Schedule.Timed timed) {
            Optional<Instant> start = instantIn(path, ".start", timed.start(), timed.zone());
            if (timed.end() == null) {
                // A calendar event with a start and no end lasts no time (RFC 5545 3.6.1): feeds and links assume one.
                found.warning(path + ".end", "schedule.no-end", Schedule.Timed.ASSUMED_DURATION.toMinutes());
            } else {
                Optional<Instant> end = instantIn(path, ".end", timed.end(), timed.zone());
                if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
                    found.error(path + ".end", "schedule.end-before-start", timed.end(), timed.start());
                }
            }
        } else if (schedule instanceof Schedule.Window window) {
            // A whole day starts at its first instant, which ZonedDateTime finds even when midnight is in a gap.
            Optional<Instant> opens = window.opens() == null ? window.startsAt().map(ZonedDateTime::toInstant)
                    : instantIn(path, ".opens", window.first().atTime(window.opens()), window.zone());
            Optional<Instant> closes = window.closes() == null ? window.endsAt().map(ZonedDateTime::toInstant)
                    : instantIn(path, ".closes", window.last().atTime(window.closes()), window.zone());
            if (window.last().isBefore(window.first())) {
                found.error(path + ".last", "schedule.last-before-first", window.last(), window.first());
            } else if (opens.isPresent() && closes.isPresent() && !closes.get().isAfter(opens.get())) {
                found.error(path + ".closes", "schedule.closes-before-opens", window.closes(), window.opens());
            }
        }
    }

    /**
     * The instant a local time means, as {@link java.time.ZonedDateTime#of} reads it, after checking that it exists,
     * by {@link ZoneRules#getValidOffsets}: a local time in a daylight-saving gap has no valid offset and does not
     * exist (an error, and no instant); one in the overlap has two and happens twice (a warning, and the earlier
     * offset, as {@code ZonedDateTime} picks). The zone's rules are looked up once for both (they were most of the
     * time these rules took).
     */
    private Optional<Instant> instantIn(String path, String field, LocalDateTime time, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(time);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(time);
            found.error(path + field, "schedule.time-in-gap", time, zone, gap.getDateTimeBefore(),
                    gap.getDateTimeAfter());
            return Optional.empty();
        }
        if (offsets.size() > 1) {
            found.warning(path + field, "schedule.time-ambiguous", time, zone);
        }
        return Optional.of(time.toInstant(offsets.get(0)));
    }

    private void checkPlace(String path, Place place) {
        place.onlinePart().ifPresent(online -> {
            if (online.url() == null) {
                found.warning(ProgramRules.onlinePath(path, place) + ".url", "place.online-without-url");
            }
        });
    }

    private void checkRegistration(String path, Registration registration, Schedule schedule) {
        boolean noWay = registration.url() == null
                && (registration.contact() == null || registration.contact().isBlank());
        if (registration.required() && noWay) {
            found.warning(path, "registration.nowhere");
        }
        LocalDate last = schedule.lastDay().orElse(null);
        if (registration.deadline() != null && last != null && registration.deadline().isAfter(last)) {
            found.warning(path + ".deadline", "registration.deadline-after-end", registration.deadline(), last);
        }
    }

    private void checkStatus(String path, Activity activity) {
        if (activity.status() == Status.RESCHEDULED && activity.previousStart() == null) {
            found.error(path + ".previousStart", "status.rescheduled-without-previous-start");
        }
        if (activity.status() == Status.MOVED_ONLINE && activity.place() != null
                && activity.place().onlinePart().isEmpty()) {
            found.error(path + ".place", "status.moved-online-without-online-place");
        }
    }
}
