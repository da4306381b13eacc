package org.jqsi.core.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Involvement;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.ActivityText;
import org.jqsi.core.program.QueryResult;
import org.jqsi.core.program.TextSearch;

/**
 * The indexes behind {@link org.jqsi.core.program.Program#query}.
 *
 * <p>Activities are kept in one array sorted by start (undated ones at the end). Each indexed filter (edition,
 * region, kind, partner, theme tag) has a posting list of positions in that array, ascending, so a list is also in
 * start order: a query takes the shortest list that applies, cuts it to the time range by binary search, and checks
 * the other filters only on what is left. Activities longer than {@link #LONG_SPAN} (exhibitions open for weeks) are
 * few and are checked apart, so that the time cut can assume every other activity is short.
 *
 * <p>The text filter is the {@link TextSearch}'s: its index is built on the first text query (the program's texts
 * are not needed before), and when it lists the positions it finds, they are one more posting list to start from.
 */
public final class ActivityIndex {

    /** Beyond this length, an activity is checked apart from the start-sorted cut. */
    static final long LONG_SPAN = Duration.ofDays(2).toSeconds();

    /** How far any zone's local day can be from the UTC day: UTC+14 and UTC-12. */
    private static final long EARLIEST_OFFSET = Duration.ofHours(14).toSeconds();
    private static final long LATEST_OFFSET = Duration.ofHours(12).toSeconds();

    private static final int[] NONE = new int[0];

    /**
     * The positions of the activities with one key, and of those among them that are long, both ascending; and the
     * filter that every activity listed meets, which need not be checked again for them.
     */
    private record Posting(int[] all, int[] longOnes, Filter met) {
        static final Posting EMPTY = new Posting(NONE, NONE);

        Posting(int[] all, int[] longOnes) {
            this(all, longOnes, Filter.NONE);
        }

        Posting meeting(Filter filter) {
            return new Posting(all, longOnes, filter);
        }
    }

    /** The query's filters that a posting can stand for. */
    private enum Filter {
        NONE, EDITION, REGION, KIND, PARTNER, TAG, TEXT
    }

    private final Activity[] sorted;
    private final int dated;
    private final long[] start;
    private final long[] end;
    private final long[] firstDay;
    private final long[] lastDay;
    private final Posting everything;
    private final TextSearch search;
    private final Map<String, Partner> partners;
    private volatile TextSearch.Index textIndex;
    private final Map<String, Posting> byEdition;
    private final Map<Region, Posting> byRegion;
    private final Map<ActivityKind, Posting> byKind;
    private final Map<String, Posting> byPartner;
    private final Map<String, Posting> byTag;
    private final List<Set<String>> tagsByPosition;
    /**
     * Each position's edition (its number in {@link #editionNumbers}), region ({@code -1} for none) and kind, as
     * numbers: a candidate is checked against those filters without loading its activity, whose scattered objects
     * cost a cache miss each (13 % of a widget request over distinct filters, issue 23).
     */
    private final int[] editionOf;
    private final byte[] regionOf;
    private final byte[] kindOf;
    private final Map<String, Integer> editionNumbers = new HashMap<>();
    private final Set<String> editionsWithDatedActivities = new HashSet<>();

    public ActivityIndex(List<Activity> activities, Map<String, Edition> editions, Map<String, Partner> partners,
            TextSearch search) {
        this.search = search;
        this.partners = partners;
        // Work out each start once: the zone rules are too slow to consult in every comparison of the sort.
        List<Timed> timed = new ArrayList<>(activities.size());
        for (Activity a : activities) {
            timed.add(new Timed(a, a.schedule().startsAt().map(ZonedDateTime::toEpochSecond).orElse(Long.MAX_VALUE)));
        }
        timed.sort(Comparator.comparingLong(Timed::start).thenComparing(t -> t.activity().id()));
        sorted = timed.stream().map(Timed::activity).toArray(Activity[]::new);
        int n = sorted.length;
        int d = 0;
        while (d < n && sorted[d].schedule().isDated()) {
            d++;
        }
        dated = d;
        start = new long[d];
        end = new long[d];
        firstDay = new long[d];
        lastDay = new long[d];
        List<Integer> longPositions = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            Activity a = sorted[i];
            LocalDate first = a.schedule().firstDay().orElseThrow();
            start[i] = timed.get(i).start();
            // With no announced end, an activity is taken to last until the end of its first day.
            end[i] = a.schedule().endsAt()
                    .orElseGet(() -> first.plusDays(1).atStartOfDay(a.schedule().zoneId().orElseThrow()))
                    .toEpochSecond();
            firstDay[i] = first.toEpochDay();
            lastDay[i] = a.schedule().lastDay().orElseThrow().toEpochDay();
            if (end[i] - start[i] > LONG_SPAN) {
                longPositions.add(i);
            }
            editionsWithDatedActivities.add(a.editionId());
        }
        everything = new Posting(null, longPositions.stream().mapToInt(Integer::intValue).toArray());
        tagsByPosition = Arrays.stream(sorted).map(a -> tagsOf(a, editions)).toList();
        byEdition = postings(p -> List.of(sorted[p].editionId()), new HashMap<>());
        byRegion = postings(p -> sorted[p].region() == null ? List.of() : List.of(sorted[p].region()),
                new EnumMap<>(Region.class));
        byKind = postings(p -> List.of(sorted[p].kind()), new EnumMap<>(ActivityKind.class));
        byPartner = postings(p -> sorted[p].partners().stream().map(Involvement::partnerId).distinct().toList(),
                new HashMap<>());
        byTag = postings(p -> List.copyOf(tagsByPosition.get(p)), new HashMap<>());
        editionOf = new int[n];
        regionOf = new byte[n];
        kindOf = new byte[n];
        for (int p = 0; p < n; p++) {
            Activity a = sorted[p];
            editionOf[p] = editionNumbers.computeIfAbsent(a.editionId(), id -> editionNumbers.size());
            regionOf[p] = (byte) (a.region() == null ? -1 : a.region().ordinal());
            kindOf[p] = (byte) a.kind().ordinal();
        }
    }

    /**
     * A query's edition, region and kind filters as tables by number ({@link #editionOf}…), or {@code null} where it
     * has no such filter or its candidates are known to meet it.
     */
    private record Chosen(boolean[] editions, boolean[] regions, boolean[] kinds) {

        boolean allows(int edition, int region, int kind) {
            return (editions == null || editions[edition])
                    && (regions == null || region >= 0 && regions[region])
                    && (kinds == null || kinds[kind]);
        }
    }

    private Chosen chosen(ActivityQuery q, Filter met) {
        boolean[] editions = null;
        if (!q.editionIds().isEmpty() && met != Filter.EDITION) {
            editions = new boolean[editionNumbers.size()];
            for (String id : q.editionIds()) {
                Integer number = editionNumbers.get(id);
                if (number != null) {
                    editions[number] = true;
                }
            }
        }
        boolean[] regions = null;
        if (!q.regions().isEmpty() && met != Filter.REGION) {
            regions = new boolean[Region.values().length];
            for (Region region : q.regions()) {
                regions[region.ordinal()] = true;
            }
        }
        boolean[] kinds = null;
        if (!q.kinds().isEmpty() && met != Filter.KIND) {
            kinds = new boolean[ActivityKind.values().length];
            for (ActivityKind kind : q.kinds()) {
                kinds[kind.ordinal()] = true;
            }
        }
        return new Chosen(editions, regions, kinds);
    }

    private record Timed(Activity activity, long start) {
    }

    /** Whether an edition has at least one dated activity. */
    public boolean hasDatedActivities(Edition edition) {
        return editionsWithDatedActivities.contains(edition.id());
    }

    /** The page of activities that match, with the total. */
    public QueryResult query(ActivityQuery q) {
        IntBuffer matches = scan(q).matches;
        List<Activity> page = new ArrayList<>(Math.min(q.limit(), Math.max(0, matches.size - q.offset())));
        for (int k = q.offset(); k < matches.size && page.size() < q.limit(); k++) {
            page.add(sorted[matches.values[k]]);
        }
        return new QueryResult(page, matches.size, q.offset(), q.limit());
    }

    /** Every activity that matches, in start order, whatever the query's offset and limit. */
    public List<Activity> matching(ActivityQuery q) {
        IntBuffer matches = scan(q).matches;
        Activity[] all = new Activity[matches.size];
        for (int k = 0; k < matches.size; k++) {
            all[k] = sorted[matches.values[k]];
        }
        return List.of(all);
    }

    /** How many activities a query looks at one by one: what the indexes save is the rest of the program. */
    int examined(ActivityQuery q) {
        return scan(q).examined;
    }

    private record Scan(IntBuffer matches, int examined) {
    }

    private Scan scan(ActivityQuery q) {
        int lo = 0;
        int hi = sorted.length;
        long lower = Long.MIN_VALUE;
        if (q.isTimeBound()) {
            lower = lowerBound(q);
            lo = firstStartingAtOrAfter(lower - LONG_SPAN);
            hi = firstStartingAfter(upperBound(q));
        }
        TextSearch.Found found = q.text() == null ? null : textIndex().find(q.text());
        Posting candidates = shortestPosting(q, lo, hi, found);
        // Candidates taken from a filter's own list need not be checked against it again: for a widget's query
        // (an edition, maybe a region) that leaves most candidates without a look at the activity itself.
        Filter met = candidates.met;
        TextSearch.Found words = met == Filter.TEXT ? null : found;
        Chosen chosen = chosen(q, met);
        IntBuffer matches = new IntBuffer();
        int examined = 0;
        if (q.isTimeBound()) {
            // Long activities that started before the cut may still be open; those already over are skipped cheaply.
            for (int p : candidates.longOnes) {
                if (p < lo && end[p] > lower) {
                    examined++;
                    if (matches(p, q, chosen, words, met)) {
                        matches.add(p);
                    }
                }
            }
        }
        if (candidates.all == null) {
            for (int p = lo; p < hi; p++) {
                examined++;
                if (matches(p, q, chosen, words, met)) {
                    matches.add(p);
                }
            }
        } else {
            int[] all = candidates.all;
            for (int k = lowerIndex(all, lo); k < all.length && all[k] < hi; k++) {
                examined++;
                if (matches(all[k], q, chosen, words, met)) {
                    matches.add(all[k]);
                }
            }
        }
        return new Scan(matches, examined);
    }

    /** The earliest instant, in epoch seconds, that an activity must not have ended before to match. */
    private static long lowerBound(ActivityQuery q) {
        long lower = Long.MIN_VALUE / 2;
        if (q.from() != null) {
            lower = Math.max(lower, q.from().atStartOfDay().toEpochSecond(ZoneOffset.UTC) - EARLIEST_OFFSET);
        }
        if (q.notOverBefore() != null) {
            lower = Math.max(lower, q.notOverBefore().getEpochSecond());
        }
        if (q.ongoingAt() != null) {
            lower = Math.max(lower, q.ongoingAt().getEpochSecond());
        }
        return lower;
    }

    /** The latest instant, in epoch seconds, that an activity may start at to match. */
    private static long upperBound(ActivityQuery q) {
        long upper = Long.MAX_VALUE / 2;
        if (q.to() != null) {
            upper = Math.min(upper,
                    q.to().plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) + LATEST_OFFSET);
        }
        if (q.ongoingAt() != null) {
            upper = Math.min(upper, q.ongoingAt().getEpochSecond());
        }
        return upper;
    }

    /**
     * The posting with the fewest activities to look at within positions [lo, hi) among the query's indexed filters,
     * or {@link #everything} when it has none.
     */
    private Posting shortestPosting(ActivityQuery q, int lo, int hi, TextSearch.Found found) {
        Posting best = everything;
        int bestCost = hi - lo + everything.longOnes.length + 1;
        List<Posting> options = new ArrayList<>(5);
        if (!q.editionIds().isEmpty()) {
            options.add(union(q.editionIds(), byEdition).meeting(Filter.EDITION));
        }
        if (!q.regions().isEmpty()) {
            options.add(union(q.regions(), byRegion).meeting(Filter.REGION));
        }
        if (!q.kinds().isEmpty()) {
            options.add(union(q.kinds(), byKind).meeting(Filter.KIND));
        }
        if (q.partnerId() != null) {
            options.add(byPartner.getOrDefault(q.partnerId(), Posting.EMPTY).meeting(Filter.PARTNER));
        }
        if (q.themeTag() != null) {
            options.add(byTag.getOrDefault(q.themeTag(), Posting.EMPTY).meeting(Filter.TAG));
        }
        Optional<int[]> foundPositions = found == null ? Optional.empty() : found.positions();
        if (foundPositions.isPresent()) {
            options.add(textPosting(foundPositions.get()));
        }
        for (Posting option : options) {
            int cost = lowerIndex(option.all, hi) - lowerIndex(option.all, lo) + option.longOnes.length;
            if (cost < bestCost) {
                best = option;
                bestCost = cost;
            }
        }
        return best;
    }

    /** The positions a text query found, as a posting: their long activities picked out. */
    private Posting textPosting(int[] positions) {
        IntBuffer longOnes = new IntBuffer();
        for (int p : positions) {
            if (p < dated && end[p] - start[p] > LONG_SPAN) {
                longOnes.add(p);
            }
        }
        return new Posting(positions, longOnes.toArray(), Filter.TEXT);
    }

    /** The text search's index of this program, built on the first text query. */
    private TextSearch.Index textIndex() {
        TextSearch.Index index = textIndex;
        if (index == null) {
            synchronized (this) {
                index = textIndex;
                if (index == null) {
                    List<ActivityText> texts = new ArrayList<>(sorted.length);
                    for (Activity a : sorted) {
                        texts.add(ActivityText.of(a, id -> Optional.ofNullable(partners.get(id))));
                    }
                    index = search.index(List.copyOf(texts));
                    textIndex = index;
                }
            }
        }
        return index;
    }

    private static <K> Posting union(Set<K> keys, Map<K, Posting> postings) {
        if (keys.size() == 1) {
            return postings.getOrDefault(keys.iterator().next(), Posting.EMPTY);
        }
        List<Posting> parts = keys.stream().map(k -> postings.getOrDefault(k, Posting.EMPTY)).toList();
        return new Posting(merge(parts.stream().map(Posting::all).toList()),
                merge(parts.stream().map(Posting::longOnes).toList()));
    }

    private static int[] merge(List<int[]> lists) {
        return lists.stream().flatMapToInt(Arrays::stream).sorted().distinct().toArray();
    }

    /** Whether the activity at a position matches the query; {@code met} is a filter it is known to meet. */
    private boolean matches(int p, ActivityQuery q, Chosen chosen, TextSearch.Found words, Filter met) {
        // Edition, region and kind from the tables first: most candidates that fail, fail there or on time, and
        // neither loads the activity.
        if (!chosen.allows(editionOf[p], regionOf[p], kindOf[p]) || !matchesTime(p, q)) {
            return false;
        }
        Activity a = sorted[p];
        return (q.partnerId() == null || met == Filter.PARTNER
                        || a.partners().stream().anyMatch(i -> i.partnerId().equals(q.partnerId())))
                && (q.themeTag() == null || met == Filter.TAG || tagsByPosition.get(p).contains(q.themeTag()))
                && (q.modes().isEmpty() || a.attendanceMode().map(q.modes()::contains).orElse(false))
                && (q.accessibility().isEmpty() || a.offers(q.accessibility()))
                && (!q.freeOnly() || a.isFree())
                && (q.registrationRequired() == null || a.requiresRegistration() == q.registrationRequired())
                && (q.language() == null || a.languages().stream()
                        .anyMatch(l -> l.getLanguage().equals(q.language().getLanguage())))
                && (words == null || words.includes(p));
    }

    private boolean matchesTime(int p, ActivityQuery q) {
        if (!q.isTimeBound()) {
            return true;
        }
        if (p >= dated) {
            return false;
        }
        return (q.from() == null || lastDay[p] >= q.from().toEpochDay())
                && (q.to() == null || firstDay[p] <= q.to().toEpochDay())
                && (q.notOverBefore() == null || end[p] > q.notOverBefore().getEpochSecond())
                && (q.ongoingAt() == null
                        || start[p] <= q.ongoingAt().getEpochSecond() && end[p] > q.ongoingAt().getEpochSecond());
    }

    private int firstStartingAtOrAfter(long seconds) {
        int lo = 0;
        int hi = dated;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] < seconds) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int firstStartingAfter(long seconds) {
        int lo = 0;
        int hi = dated;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] <= seconds) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int lowerIndex(int[] positions, int position) {
        int i = Arrays.binarySearch(positions, position);
        return i >= 0 ? i : -i - 1;
    }

    private <K> Map<K, Posting> postings(IntFunction<List<K>> keys, Map<K, Posting> into) {
        Map<K, IntBuffer> all = new HashMap<>();
        Map<K, IntBuffer> longs = new HashMap<>();
        for (int p = 0; p < sorted.length; p++) {
            boolean isLong = p < dated && end[p] - start[p] > LONG_SPAN;
            for (K key : keys.apply(p)) {
                all.computeIfAbsent(key, k -> new IntBuffer()).add(p);
                if (isLong) {
                    longs.computeIfAbsent(key, k -> new IntBuffer()).add(p);
                }
            }
        }
        all.forEach((k, v) -> into.put(k, new Posting(v.toArray(),
                longs.containsKey(k) ? longs.get(k).toArray() : NONE)));
        return into;
    }

    private static Set<String> tagsOf(Activity a, Map<String, Edition> editions) {
        Set<String> tags = new LinkedHashSet<>(a.themeTags());
        Edition edition = editions.get(a.editionId());
        if (edition != null && edition.theme() != null) {
            tags.addAll(edition.theme().tags());
        }
        return Set.copyOf(tags);
    }

    /** A growable array of ints, to keep positions without boxing them. */
    private static final class IntBuffer {
        int[] values = new int[16];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
