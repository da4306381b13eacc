package org.jqsi.core.internal;

import java.time.LocalDate;
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
import org.jqsi.core.model.Schedule;
import org.jqsi.core.program.ProgramData;
import org.jqsi.core.validation.Problem;

/**
 * The rules that span several records: ids are unique, references lead somewhere, activities fall within their
 * edition. {@link ElementRules} has those that relate the fields of one record. Each problem names its path in the
 * program the way Hibernate Validator does, so that both kinds read alike.
 */
public final class ProgramRules {

    private final RuleFindings found = new RuleFindings();
    private final Set<String> editionIds = new HashSet<>();
    private final Set<String> partnerIds = new HashSet<>();
    private final Map<String, Edition> editions = new HashMap<>();

    private ProgramRules() {
    }

    /** The problems the rules that span records find in a program, in program order. */
    public static List<Problem> check(ProgramData program) {
        ProgramRules rules = new ProgramRules();
        rules.checkIds(program);
        for (int i = 0; i < program.editions().size(); i++) {
            rules.checkEdition("editions[" + i + "]", program.editions().get(i));
        }
        for (int i = 0; i < program.activities().size(); i++) {
            rules.checkActivity(i, program.activities().get(i));
        }
        return rules.found.problems();
    }

    /** Where the online part of a place is: the place itself, or its {@code online} half when it is hybrid. */
    static String onlinePath(String placePath, Place place) {
        return place instanceof Place.Hybrid ? placePath + ".online" : placePath;
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
                found.error(list + "[" + i + "].id", "id.duplicate", value);
            }
        }
    }

    private void checkEdition(String path, Edition edition) {
        partnerRef(edition.coordinatorId(), () -> path + ".coordinatorId");
        for (int i = 0; i < edition.regionalCoordinators().size(); i++) {
            int index = i;
            partnerRef(edition.regionalCoordinators().get(i).partnerId(),
                    () -> path + ".regionalCoordinators[" + index + "].partnerId");
        }
    }

    /** The path is made only for a problem: most activities have none, and a program has thousands. */
    private void checkActivity(int index, Activity activity) {
        Supplier<String> path = () -> "activities[" + index + "]";
        Edition edition = editions.get(activity.editionId());
        if (edition == null) {
            found.error(path.get() + ".editionId", "reference.edition", activity.editionId());
        }
        List<Involvement> partners = activity.partners();
        for (int i = 0; i < partners.size(); i++) {
            int partner = i;
            partnerRef(partners.get(i).partnerId(), () -> path.get() + ".partners[" + partner + "].partnerId");
        }
        if (edition != null) {
            checkWithinEdition(path, activity.schedule(), edition);
        }
        Place place = activity.place();
        if (place != null) {
            place.onlinePart().ifPresent(online -> partnerRef(online.hostPartnerId(),
                    () -> onlinePath(path.get() + ".place", place) + ".hostPartnerId"));
        }
    }

    private void checkWithinEdition(Supplier<String> path, Schedule schedule, Edition edition) {
        LocalDate first = schedule.firstDay().orElse(null);
        LocalDate last = schedule.lastDay().orElse(null);
        if (first == null || edition.end().isBefore(edition.start())) {
            return;
        }
        if (!edition.includes(first) || !edition.includes(last)) {
            found.warning(path.get() + ".schedule", "schedule.outside-edition", first, last, edition.id(),
                    edition.start(), edition.end());
        }
    }

    private void partnerRef(String partnerId, Supplier<String> path) {
        if (partnerId != null && !partnerIds.contains(partnerId)) {
            found.error(path.get(), "reference.partner", partnerId);
        }
    }
}
