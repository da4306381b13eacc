package org.jqsi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.AttendanceMode;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.TextSearch;
import org.jqsi.core.sample.GeneratedProgram;
import org.junit.jupiter.api.Test;

/**
 * The index must give what a plain scan of every activity gives, and look at far fewer of them. The scan here is
 * written apart from the index, from the query's documented meaning.
 */
class ActivityIndexTest {

    private static final ProgramData DATA = GeneratedProgram.of(5_000, 42);
    private static final ActivityIndex INDEX = index(DATA);
    private static final Map<String, String> FOLDED = DATA.activities().stream().collect(Collectors.toMap(
            Activity::id, a -> AccentFolding.fold(a.title().fr() + " " + a.title().en() + " "
                    + (a.description() == null ? "" : a.description().fr()))));
    private static final Map<String, Edition> EDITIONS = DATA.editions().stream()
            .collect(Collectors.toMap(Edition::id, e -> e));

    private static ActivityIndex index(ProgramData data) {
        Map<String, Edition> editions = data.editions().stream().collect(Collectors.toMap(Edition::id, e -> e));
        Map<String, Partner> partners = data.partners().stream()
                .collect(Collectors.toMap(Partner::id, Function.identity()));
        return new ActivityIndex(data.activities(), editions, partners, TextSearch.folding());
    }

    @Test
    void givesWhatALinearScanGivesForRandomQueries() {
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            ActivityQuery query = randomQuery(random);
            List<String> expected = linearScan(query);

            assertThat(INDEX.query(query).items()).as("%s", query).extracting(Activity::id).isEqualTo(
                    expected.subList(Math.min(query.offset(), expected.size()),
                            Math.min(query.offset() + query.limit(), expected.size())));
            assertThat(INDEX.query(query).total()).as("%s", query).isEqualTo(expected.size());
        }
    }

    /**
     * The edition, region and kind filters are checked from tables by number ({@code ActivityIndex.Chosen}): with
     * several values each, an edition the program does not have, and the other filters around them.
     */
    @Test
    void givesWhatALinearScanGivesForSeveralEditionsRegionsAndKinds() {
        Random random = new Random(23);
        for (int i = 0; i < 400; i++) {
            ActivityQuery.Builder b = randomQuery(random).toBuilder();
            for (int n = random.nextInt(3); n > 0; n--) {
                b.edition(random.nextInt(4) == 0 ? "jqsi-1999" : "jqsi-" + (2019 + random.nextInt(5)));
            }
            for (int n = random.nextInt(3); n > 0; n--) {
                b.region(Region.values()[random.nextInt(Region.values().length)]);
            }
            for (int n = random.nextInt(3); n > 0; n--) {
                b.kind(ActivityKind.values()[random.nextInt(ActivityKind.values().length)]);
            }
            ActivityQuery query = b.build();
            List<String> expected = linearScan(query);

            assertThat(INDEX.query(query).items()).as("%s", query).extracting(Activity::id).isEqualTo(
                    expected.subList(Math.min(query.offset(), expected.size()),
                            Math.min(query.offset() + query.limit(), expected.size())));
            assertThat(INDEX.query(query).total()).as("%s", query).isEqualTo(expected.size());
        }
    }

    @Test
    void aTypicalWidgetQueryLooksAtAFewActivitiesOutOfAHundredThousand() {
        ProgramData big = GeneratedProgram.of(100_000, 1);
        ActivityIndex index = index(big);
        Clock clock = Clock.fixed(Instant.parse("2022-11-10T15:00:00Z"), Region.EASTERN);
        ActivityQuery widget = ActivityQuery.builder().edition("jqsi-2022").region(Region.MAURICIE)
                .nextDays(clock, Region.EASTERN, 7).limit(50).build();

        int examined = index.examined(widget);

        assertThat(index.query(widget).total()).isPositive();
        // About 1/5 editions x 1/17 regions of the activities, cut to 7 days of 30, plus the long windows.
        assertThat(examined).as("activities a typical widget query examined").isLessThan(1_000);
    }

    private static ActivityQuery randomQuery(Random random) {
        ActivityQuery.Builder b = ActivityQuery.builder();
        if (random.nextInt(3) == 0) {
            b.edition("jqsi-" + (2019 + random.nextInt(5)));
        }
        if (random.nextInt(3) == 0) {
            b.region(Region.values()[random.nextInt(17)]);
            if (random.nextBoolean()) {
                b.region(Region.values()[random.nextInt(17)]);
            }
        }
        if (random.nextInt(4) == 0) {
            b.kind(ActivityKind.values()[random.nextInt(ActivityKind.values().length)]);
        }
        if (random.nextInt(6) == 0) {
            b.partner("p" + random.nextInt(45));
        }
        if (random.nextInt(6) == 0) {
            b.themeTag(random.nextBoolean() ? "theme-special" : "theme-" + (2019 + random.nextInt(5)));
        }
        int year = 2019 + random.nextInt(5);
        switch (random.nextInt(5)) {
            case 0 -> {
                LocalDate from = LocalDate.of(year, 11, 1 + random.nextInt(30));
                b.between(from, from.plusDays(random.nextInt(8)));
            }
            case 1 -> b.upcoming(Clock.fixed(instantIn(year, random), Region.EASTERN));
            case 2 -> b.happeningNow(Clock.fixed(instantIn(year, random), Region.EASTERN));
            case 3 -> b.nextDays(Clock.fixed(instantIn(year, random), Region.EASTERN), Region.EASTERN, 7);
            default -> {
            }
        }
        if (random.nextInt(5) == 0) {
            b.mode(AttendanceMode.values()[random.nextInt(3)]);
        }
        if (random.nextInt(5) == 0) {
            b.freeOnly(true);
        }
        if (random.nextInt(6) == 0) {
            b.registrationRequired(random.nextBoolean());
        }
        if (random.nextInt(6) == 0) {
            b.text(random.nextBoolean() ? "réfugies" : "OEUVRE egalite");
        }
        if (random.nextInt(8) == 0) {
            b.language(java.util.Locale.ENGLISH);
        }
        return b.offset(random.nextInt(4) == 0 ? random.nextInt(100) : 0).limit(1 + random.nextInt(100)).build();
    }

    private static Instant instantIn(int year, Random random) {
        return LocalDate.of(year, 11, 1 + random.nextInt(30)).atTime(random.nextInt(24), 0)
                .atZone(Region.EASTERN).toInstant();
    }

    private static List<String> linearScan(ActivityQuery q) {
        Map<String, Edition> editions = EDITIONS;
        return DATA.activities().stream()
                .filter(a -> q.editionIds().isEmpty() || q.editionIds().contains(a.editionId()))
                .filter(a -> q.regions().isEmpty() || a.region() != null && q.regions().contains(a.region()))
                .filter(a -> q.kinds().isEmpty() || q.kinds().contains(a.kind()))
                .filter(a -> q.partnerId() == null
                        || a.partners().stream().anyMatch(p -> p.partnerId().equals(q.partnerId())))
                .filter(a -> q.themeTag() == null || a.themeTags().contains(q.themeTag())
                        || editions.get(a.editionId()).theme().tags().contains(q.themeTag()))
                .filter(a -> !q.isTimeBound() || a.schedule().isDated() && inTime(a, q))
                .filter(a -> q.modes().isEmpty() || q.modes().contains(a.place().attendanceMode()))
                .filter(a -> !q.freeOnly() || a.isFree())
                .filter(a -> q.registrationRequired() == null || a.requiresRegistration() == q.registrationRequired())
                .filter(a -> q.language() == null || a.languages().stream()
                        .anyMatch(l -> l.getLanguage().equals(q.language().getLanguage())))
                .filter(a -> q.text() == null || List.of(AccentFolding.fold(q.text()).split(" +")).stream()
                        .allMatch(w -> FOLDED.get(a.id()).contains(w)))
                .sorted(Comparator.comparing((Activity a) -> !a.schedule().isDated())
                        .thenComparing(a -> a.schedule().startsAt().map(ZonedDateTime::toInstant)
                                .orElse(Instant.MAX))
                        .thenComparing(Activity::id))
                .map(Activity::id)
                .toList();
    }

    private static boolean inTime(Activity a, ActivityQuery q) {
        LocalDate first = a.schedule().firstDay().orElseThrow();
        LocalDate last = a.schedule().lastDay().orElseThrow();
        Instant start = a.schedule().startsAt().orElseThrow().toInstant();
        Instant end = a.schedule().endsAt()
                .orElse(first.plusDays(1).atStartOfDay(a.schedule().zoneId().orElseThrow())).toInstant();
        return (q.from() == null || !last.isBefore(q.from()))
                && (q.to() == null || !first.isAfter(q.to()))
                && (q.notOverBefore() == null || end.isAfter(q.notOverBefore()))
                && (q.ongoingAt() == null || !start.isAfter(q.ongoingAt()) && end.isAfter(q.ongoingAt()));
    }
}
