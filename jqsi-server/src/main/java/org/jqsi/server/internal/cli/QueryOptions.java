package org.jqsi.server.internal.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.server.internal.ServerMessages;
import picocli.CommandLine.Option;

/**
 * The filters a command takes to pick activities, as options; they mean what the widget's parameters mean, and an id
 * the program does not have is refused with the ids it has, as the widget answers 400.
 */
final class QueryOptions {

    /** The value of {@code --edition} that means every edition, as the widget's {@code edition=all}. */
    static final String ALL_EDITIONS = "all";

    @Option(names = "--edition", paramLabel = "ID", description = "Only this edition (repeatable); all for every "
            + "edition.")
    List<String> editions = List.of();

    @Option(names = "--region", paramLabel = "CODE", description = "Only this region, by code (04) or name "
            + "(repeatable).")
    List<String> regions = List.of();

    @Option(names = "--kind", paramLabel = "KIND", description = "Only this kind: ${COMPLETION-CANDIDATES} "
            + "(repeatable).")
    List<ActivityKind> kinds = List.of();

    @Option(names = "--partner", paramLabel = "ID", description = "Only activities of this partner.")
    String partner;

    @Option(names = "--theme", paramLabel = "TAG", description = "Only this theme tag.")
    String theme;

    @Option(names = "--from", paramLabel = "DATE", description = "From this day (YYYY-MM-DD), in each activity's "
            + "zone.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "To this day (YYYY-MM-DD), inclusive.")
    LocalDate to;

    /** The query for one page of {@code program}; an option that names what the program does not have is refused. */
    ActivityQuery toQuery(Program program, int offset, int limit) throws OptionProblem {
        return toQuery(program.editions(), program.partners(), program.themeTags(), offset, limit);
    }

    /**
     * The query for one page of a program of these editions and partners that uses these theme tags (a program read
     * one activity at a time); an option that names what the program does not have is refused.
     */
    ActivityQuery toQuery(List<Edition> programEditions, List<Partner> programPartners, Set<String> themeTags,
            int offset, int limit) throws OptionProblem {
        ActivityQuery.Builder query = ActivityQuery.builder().offset(offset).limit(limit).from(from).to(to);
        if (!editions.contains(ALL_EDITIONS)) {
            for (String edition : editions) {
                if (programEditions.stream().noneMatch(e -> e.id().equals(edition))) {
                    throw unknown("--edition", "option.unknown-edition", edition,
                            programEditions.stream().map(Edition::id).toList(), ALL_EDITIONS);
                }
                query.edition(edition);
            }
        }
        for (String region : regions) {
            query.region(Region.parse(region).orElseThrow(() -> new OptionProblem("--region",
                    ServerMessages.text("option.not-a-region", region))));
        }
        kinds.forEach(query::kind);
        if (partner != null) {
            if (programPartners.stream().noneMatch(p -> p.id().equals(partner))) {
                throw unknown("--partner", "option.unknown-partner", partner,
                        programPartners.stream().map(Partner::id).sorted().toList(), null);
            }
            query.partner(partner);
        }
        if (theme != null) {
            if (!themeTags.contains(theme)) {
                throw unknown("--theme", "option.unknown-theme", theme, List.copyOf(new TreeSet<>(themeTags)), null);
            }
            query.themeTag(theme);
        }
        return query.build();
    }

    /** Whether any option chooses activities: without one, every activity of the program is chosen. */
    boolean chooseSome() {
        return editions.stream().anyMatch(e -> !e.equals(ALL_EDITIONS)) || !regions.isEmpty() || !kinds.isEmpty()
                || partner != null || theme != null || from != null || to != null;
    }

    /** {@code unknown edition "nope"; the editions are: jqsi-2020, jqsi-2021, all}. */
    private static OptionProblem unknown(String option, String key, String value, List<String> known, String also) {
        List<String> all = new ArrayList<>(known);
        if (also != null) {
            all.add(also);
        }
        String ids = all.isEmpty() ? "—" : String.join(", ", all);
        return new OptionProblem(option, ServerMessages.text(key, value, ids));
    }
}
