package org.jqsi.bench;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.ActivityText;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.QueryResult;
import org.jqsi.search.WordFormSearch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Queries of {@link Program}, against a plain linear scan of the same activities (every activity checked against
 * the query's documented meaning, the matches sorted by start, the first page cut) as the baseline.
 *
 * <ul>
 *   <li>{@code widget}: a typical widget query, one edition, one region, the next seven days, the first 50;</li>
 *   <li>{@code text}: the words "réfugiés égalité" in any activity, the first 50, with jqsi-core's folding search;</li>
 *   <li>{@code wordForms}: the same words with jqsi-search's {@link WordFormSearch} (French and English word forms,
 *   from an inverted index built when the program is set up), against a scan that analyses each activity's text the
 *   same way ({@link WordFormSearch#finds}) and checks the other filters as the other scans do.</li>
 * </ul>
 *
 * <p>The folding scan folds accents as it goes (it has no index, so nothing is precomputed); {@link Program} scans
 * precomputed folded text for words, so its folding text query is a scan too, without the folding.
 *
 * <pre>java -jar jqsi-bench/target/benchmarks.jar QueryBenchmark -p size=100000
 * java -jar jqsi-bench/target/benchmarks.jar 'QueryBenchmark.wordForms.*' -bm sample -p size=100000   # medians</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QueryBenchmark {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    @Param({"100000"})
    public int size;

    private Program program;
    private ActivityQuery widget;
    private ActivityQuery text;
    private final WordFormSearch search = new WordFormSearch();
    private Program wordForms;

    @Setup(Level.Trial)
    public void setUp() {
        program = Programs.of(size);
        Clock clock = Clock.fixed(Instant.parse("2022-11-10T15:00:00Z"), Region.EASTERN);
        widget = ActivityQuery.builder().edition("jqsi-2022").region(Region.MAURICIE)
                .nextDays(clock, Region.EASTERN, 7).limit(50).build();
        text = ActivityQuery.builder().text("réfugiés égalité").limit(50).build();
        wordForms = Program.of(program.data(), search);
        long building = System.nanoTime();
        List<String> found = wordForms.query(text).items().stream().map(Activity::id).toList();
        // The first text query builds the program's index: reported, not measured by JMH.
        System.out.printf("%nword-form index of %,d activities built and queried in %,d ms%n", size,
                (System.nanoTime() - building) / 1_000_000);
        if (!found.equals(wordFormsLinearScan().stream().map(Activity::id).toList()) || found.isEmpty()) {
            throw new IllegalStateException("the word-form index and its scan disagree on " + text);
        }
        for (ActivityQuery q : List.of(widget, text)) {
            List<String> indexed = program.query(q).items().stream().map(Activity::id).toList();
            List<String> scanned = linearScan(q).stream().map(Activity::id).toList();
            if (!indexed.equals(scanned) || indexed.isEmpty()) {
                throw new IllegalStateException("the index and the scan disagree on " + q);
            }
        }
    }

    @Benchmark
    public QueryResult widgetIndexed() {
        return program.query(widget);
    }

    @Benchmark
    public List<Activity> widgetLinearScan() {
        return linearScan(widget);
    }

    @Benchmark
    public QueryResult textIndexed() {
        return program.query(text);
    }

    @Benchmark
    public List<Activity> textLinearScan() {
        return linearScan(text);
    }

    @Benchmark
    public QueryResult wordFormsIndexed() {
        return wordForms.query(text);
    }

    @Benchmark
    public List<Activity> wordFormsLinearScan() {
        ActivityQuery others = text.toBuilder().text(null).build();
        return linearScan(others, a -> search.finds(ActivityText.of(a, program::partner), text.text()));
    }

    /** Every activity checked in program order, the matches sorted by start then id, the page cut. */
    private List<Activity> linearScan(ActivityQuery q) {
        return linearScan(q, a -> true);
    }

    private List<Activity> linearScan(ActivityQuery q, java.util.function.Predicate<Activity> more) {
        List<Activity> matches = new ArrayList<>();
        for (Activity a : program.activities()) {
            if (matchesScan(a, q) && more.test(a)) {
                matches.add(a);
            }
        }
        matches.sort(Comparator.comparing((Activity a) -> !a.schedule().isDated())
                .thenComparing(a -> a.schedule().startsAt().map(ZonedDateTime::toInstant).orElse(Instant.MAX))
                .thenComparing(Activity::id));
        return matches.subList(Math.min(q.offset(), matches.size()),
                Math.min(q.offset() + q.limit(), matches.size()));
    }

    private boolean matchesScan(Activity a, ActivityQuery q) {
        if (!q.editionIds().isEmpty() && !q.editionIds().contains(a.editionId())) {
            return false;
        }
        if (!q.regions().isEmpty() && (a.region() == null || !q.regions().contains(a.region()))) {
            return false;
        }
        if (!q.kinds().isEmpty() && !q.kinds().contains(a.kind())) {
            return false;
        }
        if (q.isTimeBound() && (!a.schedule().isDated() || !inTime(a, q))) {
            return false;
        }
        if (q.text() != null) {
            String haystack = fold(program, a);
            for (String word : foldWords(q.text()).split(" +")) {
                if (!haystack.contains(word)) {
                    return false;
                }
            }
        }
        return true;
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

    /** What a text query looks in, folded on the fly: the title, description, people, partners, venue, region. */
    private static String fold(Program program, Activity a) {
        StringBuilder s = new StringBuilder(256).append(a.title().fr()).append('\n').append(a.title().en());
        if (a.description() != null) {
            s.append('\n').append(a.description().fr()).append('\n').append(a.description().en());
        }
        a.people().forEach(p -> s.append('\n').append(p.name()));
        a.partners().forEach(i -> program.partner(i.partnerId()).ifPresent(p -> s.append('\n').append(p.name().fr())
                .append('\n').append(p.acronym())));
        if (a.place() != null) {
            a.place().venuePart().ifPresent(v -> s.append('\n').append(v.name()).append('\n')
                    .append(v.address().municipality()));
        }
        if (a.region() != null) {
            s.append('\n').append(a.region().displayName().fr());
        }
        return foldWords(s.toString());
    }

    private static String foldWords(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("'", "");
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("");
    }
}
