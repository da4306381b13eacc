package org.jqsi.core.program;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.jqsi.core.internal.ActivityIndex;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;

/**
 * A whole program, immutable and indexed: built once, then read by any number of threads without locks.
 *
 * <p>Queries go through indexes by edition, region, kind, partner, theme tag and start time, so that a widget's
 * query on a program of 100,000 activities looks only at the few hundred that can match. The text filter is its
 * {@link TextSearch}'s, whose index is built on the first text query.
 */
public final class Program {

    private final ProgramData data;
    private final String version;
    private final Map<String, Edition> editions;
    private final Map<String, Partner> partners;
    private final Map<String, Activity> activities;
    private final ActivityIndex index;
    /** {@link #themeTags()}, once asked for. */
    private volatile SortedSet<String> themeTags;

    private Program(ProgramData data, TextSearch search) {
        this.data = data;
        this.editions = byId(data.editions(), Edition::id, "edition");
        this.partners = byId(data.partners(), Partner::id, "partner");
        this.activities = byId(data.activities(), Activity::id, "activity");
        for (Activity activity : data.activities()) {
            if (!editions.containsKey(activity.editionId())) {
                throw new IllegalArgumentException(
                        "activity " + activity.id() + " refers to unknown edition " + activity.editionId());
            }
        }
        this.index = new ActivityIndex(data.activities(), editions, partners, search);
        this.version = fingerprint(data);
    }

    /**
     * Indexes a program's content. The content should have passed
     * {@link org.jqsi.core.validation.ProgramValidator}; this only refuses what would make the index lie (two
     * things with one id, an activity of an unknown edition), with an {@link IllegalArgumentException}.
     */
    public static Program of(ProgramData data) {
        return of(data, TextSearch.folding());
    }

    /**
     * Indexes a program's content, its text queries answered by the given search (such as {@code jqsi-search}'s
     * French and English one); otherwise as {@link #of(ProgramData)}.
     */
    public static Program of(ProgramData data, TextSearch search) {
        return new Program(data, Objects.requireNonNull(search, "search"));
    }

    /** A program with nothing in it. */
    public static Program empty() {
        return of(new ProgramData(List.of(), List.of(), List.of()));
    }

    /** The content this program was built from. */
    public ProgramData data() {
        return data;
    }

    /**
     * A fingerprint of the content: equal programs have equal versions, and any change makes a new one. Fit for
     * HTTP validators (ETag) and cache keys.
     */
    public String version() {
        return version;
    }

    /** The editions, in program order. */
    public List<Edition> editions() {
        return data.editions();
    }

    /** The partners, in program order. */
    public List<Partner> partners() {
        return data.partners();
    }

    /** All activities, in program order. */
    public List<Activity> activities() {
        return data.activities();
    }

    public Optional<Edition> edition(String id) {
        return Optional.ofNullable(editions.get(id));
    }

    public Optional<Partner> partner(String id) {
        return Optional.ofNullable(partners.get(id));
    }

    public Optional<Activity> activity(String id) {
        return Optional.ofNullable(activities.get(id));
    }

    /** The edition an activity belongs to. */
    public Edition editionOf(Activity activity) {
        return editions.get(activity.editionId());
    }

    /**
     * The theme tags the program uses, sorted: those of its editions' themes and of its activities, the values an
     * {@link ActivityQuery#themeTag()} may name (a tag of an edition's theme with no activity yet among them). Worked
     * out on the first call and kept; immutable.
     */
    public SortedSet<String> themeTags() {
        SortedSet<String> tags = themeTags;
        if (tags == null) {
            SortedSet<String> found = new TreeSet<>();
            for (Edition edition : data.editions()) {
                if (edition.theme() != null) {
                    found.addAll(edition.theme().tags());
                }
            }
            for (Activity activity : data.activities()) {
                found.addAll(activity.themeTags());
            }
            tags = Collections.unmodifiableSortedSet(found);
            themeTags = tags;
        }
        return tags;
    }

    /** The activities that match a query, one page of them, with the total count. */
    public QueryResult query(ActivityQuery query) {
        return index.query(query);
    }

    /**
     * Every activity that matches a query, in the order of {@link #query}, ignoring its offset and limit: one pass
     * over the indexes, where paging through {@link #query} would find every match again for each page (a feed of
     * the whole program). The list is immutable.
     */
    public List<Activity> matching(ActivityQuery query) {
        return index.matching(query);
    }

    /**
     * The edition a visitor most likely wants: the one running today (in Eastern time), else the next to come, else
     * the most recent one that has dated activities, else the most recent one.
     */
    public Optional<Edition> featuredEdition(Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(Region.EASTERN));
        Optional<Edition> runningOrNext = editions().stream()
                .filter(e -> !e.end().isBefore(today))
                .min(Comparator.comparing(Edition::start));
        if (runningOrNext.isPresent()) {
            return runningOrNext;
        }
        Comparator<Edition> recent = Comparator.comparing(Edition::start);
        return editions().stream().filter(index::hasDatedActivities).max(recent)
                .or(() -> editions().stream().max(recent));
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id, String what) {
        Map<String, T> map = new LinkedHashMap<>(Math.max(16, items.size() * 2));
        for (T item : items) {
            if (map.putIfAbsent(id.apply(item), item) != null) {
                throw new IllegalArgumentException("two of " + what + " " + id.apply(item));
            }
        }
        return Map.copyOf(map);
    }

    private static String fingerprint(ProgramData data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // Records print every component in a fixed order, so equal content gives equal bytes.
            for (Object part : List.of(data.editions(), data.partners())) {
                digest.update(part.toString().getBytes(StandardCharsets.UTF_8));
            }
            for (Activity activity : data.activities()) {
                digest.update(activity.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Program[version=" + version + ", editions=" + editions.size() + ", partners=" + partners.size()
                + ", activities=" + activities.size() + "]";
    }
}
