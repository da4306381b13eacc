package org.jqsi.web.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jqsi.core.model.AccessibilityFeature;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.AttendanceMode;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.Program;

/**
 * What the activities of some editions of a program offer to filter by: the regions, kinds, ways of attending and
 * languages that at least one of them has. The filter form offers only those, so that no choice can only give an
 * empty list (a language no activity is in). Worked out once per program and set of editions, then kept with the
 * program (a reload makes a new program, and the old one's choices go with it).
 *
 * @param regions the regions at least one activity is in
 * @param kinds the kinds at least one activity is of
 * @param modes the ways of attending at least one activity offers
 * @param languages the languages (ISO 639 codes, {@code fr}) at least one activity is in
 * @param accessibility the accessibility features at least one activity offers
 */
record ProgramChoices(Set<Region> regions, Set<ActivityKind> kinds, Set<AttendanceMode> modes,
        Set<String> languages, Set<AccessibilityFeature> accessibility) {

    private static final Map<Program, Map<List<String>, ProgramChoices>> KEPT =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** A program's choices by editions. */
    private record Kept(Program program, Map<List<String>, ProgramChoices> byEditions) {
    }

    /** The last program asked for (the one being served); replaced by the next one asked for after a reload. */
    private static volatile Kept last;

    /**
     * The choices of the activities of the given editions.
     *
     * @param editions the editions' ids, or empty (or {@link RequestParameters#ALL_EDITIONS}) for every edition
     */
    static ProgramChoices of(Program program, List<String> editions) {
        // The program of the last request, found without the lock of the map of every program: every list page asks.
        Kept kept = last;
        if (kept == null || kept.program() != program) {
            kept = new Kept(program, KEPT.computeIfAbsent(program, p -> new ConcurrentHashMap<>()));
            last = kept;
        }
        return kept.byEditions().computeIfAbsent(List.copyOf(editions), e -> compute(program, e));
    }

    private static ProgramChoices compute(Program program, List<String> editions) {
        boolean all = editions.isEmpty() || editions.contains(RequestParameters.ALL_EDITIONS);
        Set<String> chosen = new HashSet<>(editions);
        Set<Region> regions = EnumSet.noneOf(Region.class);
        Set<ActivityKind> kinds = EnumSet.noneOf(ActivityKind.class);
        Set<AttendanceMode> modes = EnumSet.noneOf(AttendanceMode.class);
        Set<String> languages = new HashSet<>();
        Set<AccessibilityFeature> accessibility = EnumSet.noneOf(AccessibilityFeature.class);
        for (Activity activity : program.activities()) {
            if (!all && !chosen.contains(activity.editionId())) {
                continue;
            }
            if (activity.region() != null) {
                regions.add(activity.region());
            }
            kinds.add(activity.kind());
            activity.attendanceMode().ifPresent(modes::add);
            activity.languages().forEach(l -> languages.add(l.getLanguage()));
            accessibility.addAll(activity.accessibility());
        }
        return new ProgramChoices(Collections.unmodifiableSet(regions), Collections.unmodifiableSet(kinds),
                Collections.unmodifiableSet(modes), Set.copyOf(languages), Collections.unmodifiableSet(accessibility));
    }
}
