package org.jqsi.ical.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.Program;
import org.jqsi.ical.EventHistory;

/**
 * The folded {@code VEVENT} text of each activity of one program version, in one language with one set of
 * reminders: built with iCal4j the first time a feed needs it, then reused by every feed of that version, whatever
 * its filter. A program never changes (a new version is a new program), so an entry never goes stale; the whole
 * cache is dropped with its version.
 */
public final class RenderedEvents {

    private record Variant(Language language, List<Duration> reminders) {
    }

    /** Below this many events to render, one thread does it faster than splitting the work. */
    static final int PARALLEL_THRESHOLD = 2_000;

    private final Program program;
    private final ActivityEvents events;
    private final EventVersions versions;
    private final Map<Variant, Map<String, String>> byVariant = new ConcurrentHashMap<>();
    /** The version of each dated activity, resolved once for the program (with the history), on first use. */
    private volatile Map<String, EventHistory.Entry> published;

    public RenderedEvents(Program program, ActivityEvents events, EventVersions versions) {
        this.program = program;
        this.events = events;
        this.versions = versions;
    }

    private volatile String versionTag;

    /** A digest of {@link #versions()}, computed once. */
    public String versionTag() {
        String tag = versionTag;
        if (tag == null) {
            java.util.TreeMap<String, EventHistory.Entry> sorted = new java.util.TreeMap<>(versions());
            long hash = 1125899906842597L;
            for (Map.Entry<String, EventHistory.Entry> e : sorted.entrySet()) {
                hash = 31 * hash + e.getKey().hashCode();
                hash = 31 * hash + e.getValue().sequence();
                hash = 31 * hash + e.getValue().stamp().getEpochSecond();
            }
            tag = Long.toUnsignedString(hash, 36);
            versionTag = tag;
        }
        return tag;
    }

    /** The versions of the program's dated activities, resolved with the history the first time. */
    public Map<String, EventHistory.Entry> versions() {
        Map<String, EventHistory.Entry> resolved = published;
        if (resolved == null) {
            synchronized (this) {
                resolved = published;
                if (resolved == null) {
                    resolved = versions.publish(program);
                    published = resolved;
                }
            }
        }
        return resolved;
    }

    /** The program version this cache is for. */
    public String version() {
        return program.version();
    }

    /** The program this cache is for. */
    public Program program() {
        return program;
    }

    /**
     * Renders, on all cores, the activities not rendered yet, when there are enough of them for it to pay (the first
     * feed of a large program). Each event is built on one thread from immutable input; the cache is concurrent.
     */
    public void prepare(List<Activity> activities, Language language, List<Duration> reminders) {
        Map<String, String> blocks = blocks(language, reminders);
        versions();
        List<Activity> missing = new java.util.ArrayList<>();
        for (Activity activity : activities) {
            if (!blocks.containsKey(activity.id())) {
                missing.add(activity);
            }
        }
        if (missing.size() >= PARALLEL_THRESHOLD && Runtime.getRuntime().availableProcessors() > 1) {
            missing.parallelStream().forEach(a -> blocks.computeIfAbsent(a.id(), id -> render(a, language, reminders)));
        }
    }

    /** The folded, CRLF-ended {@code VEVENT} block of a dated activity of this program. */
    public String event(Activity activity, Language language, List<Duration> reminders) {
        Map<String, String> blocks = blocks(language, reminders);
        String block = blocks.get(activity.id());
        if (block == null) {
            block = render(activity, language, reminders);
            blocks.put(activity.id(), block);
        }
        return block;
    }

    private Map<String, String> blocks(Language language, List<Duration> reminders) {
        return byVariant.computeIfAbsent(new Variant(language, reminders),
                v -> new ConcurrentHashMap<>(Math.max(16, program.activities().size() * 2)));
    }

    /**
     * The block of an activity that is not the program's own (an edited copy): rendered each time, at the version it
     * would get, without remembering it.
     */
    public String eventOfCopy(Activity activity, Language language, List<Duration> reminders) {
        return render(activity, versions.peek(program, activity), language, reminders);
    }

    private String render(Activity activity, Language language, List<Duration> reminders) {
        EventHistory.Entry version = versions().get(activity.id());
        if (version == null) {
            // Not dated in the program, asked for anyway: as a copy.
            version = versions.peek(program, activity);
        }
        return render(activity, version, language, reminders);
    }

    private String render(Activity activity, EventHistory.Entry version, Language language,
            List<Duration> reminders) {
        String unfolded = events.toEvent(program, activity, version, language, reminders).toString();
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 64 * 3 + 16);
        try {
            OctetFolding.appendFolded(unfolded, out);
        } catch (IOException e) {
            throw new IllegalStateException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }
}
