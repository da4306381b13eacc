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

    /** The folded, CRLF-ended {@code VEVENT} block of a dated activity of this program. */
    public String event(Activity activity, Language language, List<Duration> reminders) {
        Map<String, String> blocks = byVariant.computeIfAbsent(new Variant(language, reminders),
                v -> new ConcurrentHashMap<>(Math.max(16, program.activities().size() * 2)));
        String block = blocks.get(activity.id());
        if (block == null) {
            block = render(activity, language, reminders);
            blocks.put(activity.id(), block);
        }
        return block;
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
