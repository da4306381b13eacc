package org.jqsi.server.internal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.ical.CalendarZones;
import org.jqsi.json.ActivityFile;
import org.jqsi.json.ActivitySpan;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramScan;

/**
 * A program file that {@code export} read once to check it, keeping of each activity only what puts it in order
 * (its start, its id), where it is in the file and its zone and years: about fifty bytes an activity, where the
 * activity itself takes two kilobytes. The activities are then read again one at a time, in the order of
 * {@link Program#matching} (by start, "to be announced" last, then by id), to be written as they come.
 */
final class ProgramScanned {

    /** How many activities are filtered at once, in the order of the export, through a {@link Program} of them. */
    private static final int FILTER_BATCH = 1_024;

    private final Path file;
    /** The file's size and modification time before it was scanned, which must not change until it is written. */
    private final String stamp;
    private final ProgramScan scan;
    private final long[] starts;
    private final String[] ids;
    private final long[] offsets;
    private final int[] lengths;
    /** The index of each dated activity's zone in {@link #zones}, -1 when it has no date. */
    private final short[] zoneIndexes;
    /** The years of each dated activity's first and last days. */
    private final int[] firstYears;
    private final int[] lastYears;
    private final List<ZoneId> zones;
    private final Set<String> themeTags;
    /** The activities' indexes in the order of the export. */
    private final int[] order;

    private ProgramScanned(Path file, String stamp, ProgramScan scan, Collector collected) {
        this.file = file;
        this.stamp = stamp;
        this.scan = scan;
        int n = scan.activityCount();
        this.starts = Arrays.copyOf(collected.starts, n);
        this.ids = Arrays.copyOf(collected.ids, n);
        this.offsets = Arrays.copyOf(collected.offsets, n);
        this.lengths = Arrays.copyOf(collected.lengths, n);
        this.zoneIndexes = Arrays.copyOf(collected.zoneIndexes, n);
        this.firstYears = Arrays.copyOf(collected.firstYears, n);
        this.lastYears = Arrays.copyOf(collected.lastYears, n);
        this.zones = List.copyOf(collected.zones);
        Set<String> tags = new TreeSet<>(collected.themeTags);
        for (Edition edition : scan.editions()) {
            if (edition.theme() != null) {
                tags.addAll(edition.theme().tags());
            }
        }
        this.themeTags = tags;
        Integer[] sorted = new Integer[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = i;
        }
        Arrays.sort(sorted, Comparator.<Integer>comparingLong(i -> starts[i]).thenComparing(i -> ids[i]));
        this.order = Arrays.stream(sorted).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Reads and checks a program file, keeping no activity.
     *
     * @throws ProgramLoadException when it is not valid, with every problem, as {@link ProgramReader#read(Path)}
     */
    static ProgramScanned scan(ProgramReader reader, Path file) throws ProgramLoadException {
        String stamp = stampOf(file);
        Collector collector = new Collector();
        // The export needs the file valid, not its warnings (half the activities of a generated program have one).
        ProgramScan scan = reader.scan(file, collector::add, false);
        return new ProgramScanned(file, stamp, scan, collector);
    }

    /** Its size and modification time; none for a file that cannot be read (the scan says why). */
    private static String stampOf(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * @throws ActivityFile.ChangedFileException when the file's size or modification time is no longer what it was
     *     when it was scanned: what was read again may be a mixture of two versions
     */
    private void refuseIfChanged() throws ActivityFile.ChangedFileException {
        if (!stampOf(file).equals(stamp)) {
            throw new ActivityFile.ChangedFileException(file);
        }
    }

    /** The file's editions and partners, without activities: what events and program files name. */
    Program context() {
        return Program.of(new ProgramData(scan.editions(), scan.partners(), List.of()));
    }

    ProgramScan scan() {
        return scan;
    }

    /** The theme tags the program uses: those of its editions' themes and of its activities. */
    Set<String> themeTags() {
        return themeTags;
    }

    /**
     * The positions (in the order of the export) of the activities that match a query, all of them for
     * {@code null}: the activities are read again to be matched, a batch at a time.
     */
    boolean[] matching(ActivityQuery query) throws IOException {
        boolean[] chosen = new boolean[order.length];
        if (query == null) {
            Arrays.fill(chosen, true);
            return chosen;
        }
        try (ActivityFile activities = ActivityFile.open(file)) {
            for (int from = 0; from < order.length; from += FILTER_BATCH) {
                int to = Math.min(order.length, from + FILTER_BATCH);
                List<Activity> batch = new ArrayList<>(to - from);
                Map<String, Integer> positions = new HashMap<>();
                for (int position = from; position < to; position++) {
                    Activity activity = activities.read(span(order[position]));
                    batch.add(activity);
                    positions.put(activity.id(), position);
                }
                // The very filters of the widget and of the in-memory export, on a program of this batch only.
                Program part = Program.of(new ProgramData(scan.editions(), scan.partners(), batch));
                for (Activity activity : part.matching(query)) {
                    chosen[positions.get(activity.id())] = true;
                }
            }
        }
        refuseIfChanged();
        return chosen;
    }

    /** The zones of the chosen dated activities, in the order of the export. */
    CalendarZones zones(boolean[] chosen) {
        CalendarZones calendarZones = new CalendarZones();
        for (int position = 0; position < order.length; position++) {
            int index = order[position];
            if (chosen[position] && zoneIndexes[index] >= 0) {
                calendarZones.add(zones.get(zoneIndexes[index]), firstYears[index], lastYears[index]);
            }
        }
        return calendarZones;
    }

    /** How many of the chosen activities have a date. */
    int dated(boolean[] chosen) {
        int count = 0;
        for (int position = 0; position < order.length; position++) {
            if (chosen[position] && zoneIndexes[order[position]] >= 0) {
                count++;
            }
        }
        return count;
    }

    /** What is done with each activity chosen, in order. */
    @FunctionalInterface
    interface Each {
        void accept(Activity activity) throws IOException;
    }

    /**
     * Reads the chosen activities again, in the order of the export, one at a time; the caller ends what it writes
     * only after this returns.
     *
     * @throws ActivityFile.ChangedFileException when the file changed since it was scanned, seen on the way or at the
     *     end (its size or modification time)
     */
    void forEach(boolean[] chosen, Each each) throws IOException {
        try (ActivityFile activities = ActivityFile.open(file)) {
            for (int position = 0; position < order.length; position++) {
                if (chosen[position]) {
                    each.accept(activities.read(span(order[position])));
                }
            }
        }
        refuseIfChanged();
    }

    private ActivitySpan span(int index) {
        return new ActivitySpan(offsets[index], lengths[index]);
    }

    /** What the scan keeps of each activity, by its index (an activity handed over again replaces itself). */
    private static final class Collector {
        long[] starts = new long[1024];
        String[] ids = new String[1024];
        long[] offsets = new long[1024];
        int[] lengths = new int[1024];
        short[] zoneIndexes = new short[1024];
        int[] firstYears = new int[1024];
        int[] lastYears = new int[1024];
        final List<ZoneId> zones = new ArrayList<>();
        final Map<ZoneId, Short> zoneIndex = new HashMap<>();
        final Set<String> themeTags = new java.util.HashSet<>();

        void add(int index, Activity activity, ActivitySpan span) {
            if (index >= starts.length) {
                int size = Math.max(index + 1, starts.length * 2);
                starts = Arrays.copyOf(starts, size);
                ids = Arrays.copyOf(ids, size);
                offsets = Arrays.copyOf(offsets, size);
                lengths = Arrays.copyOf(lengths, size);
                zoneIndexes = Arrays.copyOf(zoneIndexes, size);
                firstYears = Arrays.copyOf(firstYears, size);
                lastYears = Arrays.copyOf(lastYears, size);
            }
            Schedule schedule = activity.schedule();
            // The key of ActivityIndex's order: the start in seconds, "to be announced" after every date.
            starts[index] = schedule.startsAt().map(ZonedDateTime::toEpochSecond).orElse(Long.MAX_VALUE);
            ids[index] = activity.id();
            offsets[index] = span.offset();
            lengths[index] = Math.toIntExact(span.length());
            if (schedule.isDated()) {
                ZoneId zone = schedule.zoneId().orElseThrow();
                zoneIndexes[index] = zoneIndex.computeIfAbsent(zone, z -> {
                    zones.add(z);
                    return (short) (zones.size() - 1);
                });
                firstYears[index] = schedule.firstDay().orElseThrow().getYear();
                lastYears[index] = schedule.lastDay().orElseThrow().getYear();
            } else {
                zoneIndexes[index] = -1;
            }
            themeTags.addAll(activity.themeTags());
        }
    }
}
