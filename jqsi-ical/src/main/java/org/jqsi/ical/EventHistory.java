package org.jqsi.ical;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jqsi.ical.internal.FileEventHistory;
import org.jqsi.ical.internal.MemoryEventHistory;

/**
 * What each activity's calendar event was last published as: a fingerprint of the fields a calendar app must
 * notice a change of (start, end, zone, place, status), with the {@code SEQUENCE} and {@code DTSTAMP} it was given.
 *
 * <p>Why: RFC 5546 (§2.1.4, §2.1.5) orders versions of an event by {@code SEQUENCE}, then {@code DTSTAMP}; an app
 * that gets the same {@code UID} with the same {@code SEQUENCE} may keep its old copy. The program file has a
 * {@code revision} per activity, but an editor who moves an activity and forgets to raise it would leave
 * subscribers at the old hour. The {@link CalendarExporter} compares each activity with what it remembers here, and
 * raises {@code SEQUENCE} (and {@code DTSTAMP}) itself when a significant field changed: to one more than the
 * remembered one, or to the activity's own {@code revision} when the editor raised it further.
 *
 * <p>Where the memory lives: {@link #inMemory()} by default, which lasts as long as the exporter; {@link #inFile}
 * keeps it in a small text file beside the program file, so that it survives restarts (the server uses it when it
 * serves a program file, see {@link #besideProgram}). The memory is not put in the program file itself: jqsi never
 * rewrites a file that people edit by hand, and a program that reaches it by URL cannot be written to.
 *
 * <p>The exporter asks once per program version, so the same program gives the same bytes for as long as the
 * memory is the same (HTTP ETags stay sound): {@code DTSTAMP} is the activity's {@code lastModified} (else its
 * edition's first day), or when a change was noticed without a newer {@code lastModified}, the time it was first
 * noticed, remembered from then on; never the time of writing.
 *
 * <p>Implementations are thread-safe.
 */
public interface EventHistory {

    /**
     * What one activity's event was last published as.
     *
     * @param fingerprint a digest of the fields a calendar app must notice a change of
     * @param sequence its {@code SEQUENCE}, zero or more
     * @param stamp its {@code DTSTAMP}, to the second
     */
    record Entry(String fingerprint, int sequence, Instant stamp) {

        public Entry {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(stamp, "stamp");
            if (sequence < 0) {
                throw new IllegalArgumentException("sequence: must be zero or more, was " + sequence);
            }
            if (fingerprint.isEmpty() || fingerprint.chars().anyMatch(c -> c <= ' ')) {
                throw new IllegalArgumentException("fingerprint: must be non-empty, without spaces or controls");
            }
        }
    }

    /**
     * Atomically, against other threads and (for a file) other processes: hands {@code change} the remembered entries
     * of these activity ids (an id with none is absent from the map), remembers the entries it returns (new or
     * replacing; entries of other ids are kept), and returns what is remembered now for these ids.
     *
     * @throws java.io.UncheckedIOException when a file-backed history cannot be read or written
     */
    Map<String, Entry> update(Set<String> ids, UnaryOperator<Map<String, Entry>> change);

    /** The remembered entries of these ids, changing nothing. */
    default Map<String, Entry> read(Set<String> ids) {
        return update(ids, remembered -> Map.of());
    }

    /** A history kept in memory: it lasts as long as the object, so a restart forgets it. */
    static EventHistory inMemory() {
        return new MemoryEventHistory();
    }

    /**
     * A history kept in a UTF-8 text file (one line per activity: id, sequence, stamp, fingerprint), created on the
     * first change. Each change is written atomically: a temporary file in the same directory, forced to disk, then
     * renamed over the old one, whose permissions it keeps (a new file is {@code rw-r--r--}). A lock on a
     * {@code .lock} file beside it keeps two processes from writing it at once. A line that cannot be read is
     * skipped: that activity's event starts again from its own {@code revision}.
     */
    static EventHistory inFile(Path file) {
        return new FileEventHistory(file);
    }

    /** Where the history of a program file lives: beside it, named after it ({@code programme.json.ical-history}). */
    static Path besideProgram(Path programFile) {
        Path absolute = programFile.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".ical-history");
    }
}
