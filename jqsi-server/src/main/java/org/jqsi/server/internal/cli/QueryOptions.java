package org.jqsi.server.internal.cli;

import java.time.LocalDate;
import java.util.List;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.ActivityQuery;
import picocli.CommandLine.Option;

/** The filters a command takes to pick activities, as options; they mean what the widget's parameters mean. */
final class QueryOptions {

    @Option(names = "--edition", paramLabel = "ID", description = "Only this edition (repeatable).")
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

    /** The query for one page; throws {@link IllegalArgumentException} naming the option that is wrong. */
    ActivityQuery toQuery(int offset, int limit) {
        ActivityQuery.Builder query = ActivityQuery.builder().offset(offset).limit(limit)
                .partner(partner).themeTag(theme).from(from).to(to);
        editions.forEach(query::edition);
        kinds.forEach(query::kind);
        for (String region : regions) {
            query.region(Region.parse(region).orElseThrow(() -> new IllegalArgumentException(
                    "region: " + region + " is not a region of Quebec (01 to 17)")));
        }
        return query.build();
    }
}
