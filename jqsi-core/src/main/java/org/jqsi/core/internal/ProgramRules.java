package org.jqsi.core.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Involvement;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.validation.Problem;

/**
 * The rules that span several records: ids are unique, references lead somewhere, activities fall within their
 * edition. {@link ElementRules} has those that relate the fields of one record. Each problem names its path in the
 * program the way Hibernate Validator does, so that both kinds read alike.
 *
 * <p>Made from a program's editions and partners, it checks activities one at a time, from any thread: a reader
 * checks each activity on the core that validates it, while that activity is still in that core's cache, instead of
 * walking the whole program again at the end. Activity ids are checked apart, in order, by {@link UniqueIds}.
 */
public final class ProgramRules {

    private final Set<String> partnerIds = new HashSet<>();
    private final Map<String, Edition> editions = new HashMap<>();
    private final List<Problem> ofEditionsAndPartners = new ArrayList<>(0);

    private ProgramRules(List<Edition> editionList, List<Partner> partnerList) {
        UniqueIds editionIds = new UniqueIds("editions");
        for (int i = 0; i < editionList.size(); i++) {
            Edition edition = editionList.get(i);
            editionIds.add(i, edition.id()).ifPresent(ofEditionsAndPartners::add);
            editions.putIfAbsent(edition.id(), edition);
        }
        UniqueIds partnerIdsSeen = new UniqueIds("partners");
        for (int i = 0; i < partnerList.size(); i++) {
            partnerIdsSeen.add(i, partnerList.get(i).id()).ifPresent(ofEditionsAndPartners::add);
            partnerIds.add(partnerList.get(i).id());
        }
        RuleFindings found = new RuleFindings();
        for (int i = 0; i < editionList.size(); i++) {
            checkEdition("editions[" + i + "]", editionList.get(i), found);
        }
        ofEditionsAndPartners.addAll(found.problems());
    }

    /** The rules of a program whose editions and partners are these, in this order. */
    public static ProgramRules over(List<Edition> editions, List<Partner> partners) {
        return new ProgramRules(editions, partners);
    }

    /** The problems the rules that span records find in a whole program. */
    public static List<Problem> check(ProgramData program) {
        ProgramRules rules = over(program.editions(), program.partners());
        List<Problem> problems = new ArrayList<>(rules.editionsAndPartners());
        UniqueIds activityIds = new UniqueIds("activities");
        for (int i = 0; i < program.activities().size(); i++) {
            Activity activity = program.activities().get(i);
            activityIds.add(i, activity.id()).ifPresent(problems::add);
            problems.addAll(rules.activity(i, activity));
        }
        return problems;
    }

    /** Where the online part of a place is: the place itself, or its {@code online} half when it is hybrid. */
    static String onlinePath(String placePath, Place place) {
        return place instanceof Place.Hybrid ? placePath + ".online" : placePath;
    }

    /** The problems of the editions and partners themselves: ids given twice, coordinators who are no partner. */
    public List<Problem> editionsAndPartners() {
        return List.copyOf(ofEditionsAndPartners);
    }

    /**
     * The problems of the activity at this index against the editions and partners: its edition and partners must
     * exist, and it must fall within its edition. Not its id's uniqueness. Safe to call from several threads.
     */
    public List<Problem> activity(int index, Activity activity) {
        RuleFindings found = new RuleFindings();
        // The path is made only for a problem: most activities have none, and a program has thousands.
        Supplier<String> path = () -> "activities[" + index + "]";
        Edition edition = editions.get(activity.editionId());
        if (edition == null) {
            found.error(path.get() + ".editionId", "reference.edition", activity.editionId());
        }
        List<Involvement> partners = activity.partners();
        for (int i = 0; i < partners.size(); i++) {
            int partner = i;
            partnerRef(partners.get(i).partnerId(), () -> path.get() + ".partners[" + partner + "].partnerId", found);
        }
        if (edition != null) {
            checkWithinEdition(path, activity.schedule(), edition, found);
        }
        Place place = activity.place();
        if (place != null) {
            place.onlinePart().ifPresent(online -> partnerRef(online.hostPartnerId(),
                    () -> onlinePath(path.get() + ".place", place) + ".hostPartnerId", found));
        }
        return found.problems();
    }

    private void checkEdition(String path, Edition edition, RuleFindings found) {
        partnerRef(edition.coordinatorId(), () -> path + ".coordinatorId", found);
        for (int i = 0; i < edition.regionalCoordinators().size(); i++) {
            int index = i;
            partnerRef(edition.regionalCoordinators().get(i).partnerId(),
                    () -> path + ".regionalCoordinators[" + index + "].partnerId", found);
        }
    }

    private static void checkWithinEdition(Supplier<String> path, Schedule schedule, Edition edition,
            RuleFindings found) {
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

    private void partnerRef(String partnerId, Supplier<String> path, RuleFindings found) {
        if (partnerId != null && !partnerIds.contains(partnerId)) {
            found.error(path.get(), "reference.partner", partnerId);
        }
    }
}
