package org.jqsi.ical.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.Program;

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
    private final Map<Variant, Map<String, String>> byVariant = new ConcurrentHashMap<>();

    public RenderedEvents(Program program, ActivityEvents events) {
        this.program = program;
        this.events = events;
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

    private String render(Activity activity, Language language, List<Duration> reminders) {
        String unfolded = events.toEvent(program, activity, language, reminders).toString();
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 64 * 3 + 16);
        try {
            OctetFolding.appendFolded(unfolded, out);
        } catch (IOException e) {
            throw new IllegalStateException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }
}
