package org.jqsi.core.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Involvement;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.program.ProgramData;
import org.jqsi.core.validation.Problem;

/**
 * The rules that span several records or fields, which Jakarta Validation's per-field constraints cannot express.
 * Each problem names its path in the program the way Hibernate Validator does, so that both kinds read alike.
 */
public final class ProgramRules {

    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> editionIds = new HashSet<>();
    private final Set<String> partnerIds = new HashSet<>();
    private final Map<String, Edition> editions = new HashMap<>();

    private ProgramRules() {
    }

    /** The problems the cross-field rules find in a program, in program order. */
    public static List<Problem> check(ProgramData program) {
        ProgramRules rules = new ProgramRules();
        rules.checkIds(program);
        for (int i = 0; i < program.editions().size(); i++) {
            rules.checkEdition("editions[" + i + "]", program.editions().get(i));
        }
        for (int i = 0; i < program.activities().size(); i++) {
            rules.checkActivity("activities[" + i + "]", program.activities().get(i));
        }
        return rules.problems;
    }

    private void checkIds(ProgramData program) {
        unique("editions", program.editions(), Edition::id, editionIds);
        unique("partners", program.partners(), Partner::id, partnerIds);
        unique("activities", program.activities(), Activity::id, new HashSet<>());
        program.editions().forEach(e -> editions.putIfAbsent(e.id(), e));
    }

    private <T> void unique(String list, List<T> items, Function<T, String> id, Set<String> seen) {
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            if (!seen.add(value)) {
                error(list + "[" + i + "].id", "id.duplicate", value);
            }
        }
    }

    private void checkEdition(String path, Edition edition) {
        if (edition.end().isBefore(edition.start())) {
            error(path + ".end", "edition.end-before-start", edition.end(), edition.start());
        }
        if (edition.start().getYear() != edition.year()) {
            error(path + ".year", "edition.year-mismatch", edition.year(), edition.start());
        }
        partnerRef(edition.coordinatorId(), () -> path + ".coordinatorId");
        for (int i = 0; i < edition.regionalCoordinators().size(); i++) {
            int index = i;
            partnerRef(edition.regionalCoordinators().get(i).partnerId(),
                    () -> path + ".regionalCoordinators[" + index + "].partnerId");
        }
    }

    private void checkActivity(String path, Activity activity) {
        Edition edition = editions.get(activity.editionId());
        if (edition == null) {
            error(path + ".editionId", "reference.edition", activity.editionId());
        }
        List<Involvement> partners = activity.partners();
        for (int i = 0; i < partners.size(); i++) {
            int index = i;
            partnerRef(partners.get(i).partnerId(), () -> path + ".partners[" + index + "].partnerId");
        }
        checkSchedule(path + ".schedule", activity.schedule());
        if (edition != null) {
            checkWithinEdition(path + ".schedule", activity.schedule(), edition);
        }
        if (activity.place() != null) {
            checkPlace(path + ".place", activity.place());
        }
        if (activity.registration() != null) {
            checkRegistration(path + ".registration", activity.registration(), activity.schedule());
        }
        checkStatus(path, activity);
    }

    private void checkSchedule(String path, Schedule schedule) {
        if (schedule instanceof Schedule.Timed timed) {
            Instant start = instantIn(path, ".start", timed.start(), timed.zone());
            if (timed.end() != null) {
                Instant end = instantIn(path, ".end", timed.end(), timed.zone());
                if (!end.isAfter(start)) {
                    error(path + ".end", "schedule.end-before-start", timed.end(), timed.start());
                }
            }
        } else if (schedule instanceof Schedule.Window window) {
            if (window.last().isBefore(window.first())) {
                error(path + ".last", "schedule.last-before-first", window.last(), window.first());
            } else if (!window.endsAt().orElseThrow().isAfter(window.startsAt().orElseThrow())) {
                error(path + ".closes", "schedule.closes-before-opens", window.closes(), window.opens());
            }
            if (window.opens() != null) {
                instantIn(path, ".opens", window.first().atTime(window.opens()), window.zone());
            }
            if (window.closes() != null) {
                instantIn(path, ".closes", window.last().atTime(window.closes()), window.zone());
            }
        }
    }

    /**
     * The instant a local time means, as {@link java.time.ZonedDateTime#of} reads it, after checking that it exists:
     * local times that fall in a daylight-saving gap do not exist; those in the overlap happen twice. The zone's rules
     * are looked up once for both (they were most of the time these rules took).
     */
    private Instant instantIn(String path, String field, LocalDateTime time, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(time);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(time);
            error(path + field, "schedule.time-in-gap", time, zone, gap.getDateTimeBefore(), gap.getDateTimeAfter());
            // ZonedDateTime moves a time in the gap forward by the gap's length: the same instant as the offset before.
            return time.toInstant(gap.getOffsetBefore());
        }
        if (offsets.size() > 1) {
            warning(path + field, "schedule.time-ambiguous", time, zone);
        }
        // In an overlap, the earlier offset, as ZonedDateTime picks.
        return time.toInstant(offsets.get(0));
    }

    private void checkWithinEdition(String path, Schedule schedule, Edition edition) {
        LocalDate first = schedule.firstDay().orElse(null);
        LocalDate last = schedule.lastDay().orElse(null);
        if (first == null || edition.end().isBefore(edition.start())) {
            return;
        }
        if (!edition.includes(first) || !edition.includes(last)) {
            warning(path, "schedule.outside-edition", first, last, edition.id(), edition.start(), edition.end());
        }
    }

    private void checkPlace(String path, Place place) {
        place.onlinePart().ifPresent(online -> {
            String onlinePath = place instanceof Place.Hybrid ? path + ".online" : path;
            if (online.url() == null) {
                warning(onlinePath + ".url", "place.online-without-url");
            }
            if (online.hostPartnerId() != null) {
                partnerRef(online.hostPartnerId(), () -> onlinePath + ".hostPartnerId");
            }
        });
    }

    private void checkRegistration(String path, Registration registration, Schedule schedule) {
        boolean noWay = registration.url() == null
                && (registration.contact() == null || registration.contact().isBlank());
        if (registration.required() && noWay) {
            warning(path, "registration.nowhere");
        }
        LocalDate last = schedule.lastDay().orElse(null);
        if (registration.deadline() != null && last != null && registration.deadline().isAfter(last)) {
            warning(path + ".deadline", "registration.deadline-after-end", registration.deadline(), last);
        }
    }

    private void checkStatus(String path, Activity activity) {
        if (activity.status() == Status.RESCHEDULED && activity.previousStart() == null) {
            error(path + ".previousStart", "status.rescheduled-without-previous-start");
        }
        if (activity.status() == Status.MOVED_ONLINE && activity.place() != null
                && activity.place().onlinePart().isEmpty()) {
            error(path + ".place", "status.moved-online-without-online-place");
        }
    }

    /** The path is made only for a problem: most references are fine, and a program has thousands. */
    private void partnerRef(String partnerId, Supplier<String> path) {
        if (partnerId != null && !partnerIds.contains(partnerId)) {
            error(path.get(), "reference.partner", partnerId);
        }
    }

    private void error(String path, String code, Object... args) {
        problems.add(Problem.error(path, code, JqsiMessageBundles.rule(code, args)));
    }

    private void warning(String path, String code, Object... args) {
        problems.add(Problem.warning(path, code, JqsiMessageBundles.rule(code, args)));
    }
}
