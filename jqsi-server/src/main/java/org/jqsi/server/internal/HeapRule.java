package org.jqsi.server.internal;

import java.util.List;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ProgramLimit;
import org.jqsi.core.validation.Problem;
import org.jqsi.web.JqsiWidgetServlet;

/**
 * The heap a program needs to be served, and the limit that refuses, at load and on every reload, a program that does
 * not fit in the server's (issue 22 item 3): so that a program the server accepted never makes it run out of memory,
 * whatever feeds are asked for. The rule, in bytes, for a program of N activities:
 *
 * <pre>
 * needed(N) = {@link #BASE_BYTES} + the widget's cache bound + {@link FeedGate#FEEDS_AT_ONCE} × {@link #BYTES_PER_FEED}
 *           + N × {@link #BYTES_PER_ACTIVITY}
 * </pre>
 *
 * <p>A feed holds a bounded buffer whatever the program's size (larger feeds are streamed,
 * {@link JqsiWidgetServlet#KEPT_FEED_BYTES}) and no more than {@link FeedGate#FEEDS_AT_ONCE} are written at once; the
 * per-activity figure covers the program held, its indexes, the calendar events its feeds keep rendered in both
 * languages, and room to read and index a new program of the same size while it is still served (a reload). The
 * figures are measured; docs/reliability.md gives the measurements.
 */
public final class HeapRule implements ProgramLimit {

    /**
     * What the server takes besides the program, in bytes: Jetty, the widget, the time zones, the validator, and
     * room for the garbage a busy server makes between collections. Measured: 15.9 MiB used after a full
     * collection with a program of one activity and its feeds built ({@code HeapOfServedProgram} in jqsi-bench).
     */
    public static final long BASE_BYTES = 64L * 1024 * 1024;
    /**
     * What each activity takes, in bytes. Measured on generated programs of 10,000, 20,000 and 50,000 activities
     * (about 1.3 KB of program file each; {@code HeapOfServedProgram}): 3,500 B served with every feed built once
     * (the program, its indexes, the calendar events kept in French and English), and 1,560 B for the program alone,
     * which a reload holds a second time while it reads and indexes the new one: 5,060 B, rounded up with a fifth
     * more for longer texts.
     */
    public static final long BYTES_PER_ACTIVITY = 6 * 1024;
    /**
     * What a feed being written holds: its buffer, which grows by doubling up to the bound and is copied once, and the
     * writers' own buffers.
     */
    public static final long BYTES_PER_FEED = 3L * JqsiWidgetServlet.KEPT_FEED_BYTES + 512 * 1024;

    private static final long MIB = 1024 * 1024;

    private final long heapBytes;
    private final long cacheBytes;

    /**
     * @param heapBytes the heap the server has ({@link Runtime#maxMemory()})
     * @param cacheBytes the bounds of the widget's caches (rendered pages and feeds, rendered cards: {@code WidgetSettings.keptBytes()})
     */
    public HeapRule(long heapBytes, long cacheBytes) {
        this.heapBytes = heapBytes;
        this.cacheBytes = cacheBytes;
    }

    /** The heap a program of this many activities needs, in bytes (as {@link Runtime#maxMemory()} counts it). */
    public long needed(long activities) {
        return BASE_BYTES + cacheBytes + FeedGate.FEEDS_AT_ONCE * BYTES_PER_FEED + activities * BYTES_PER_ACTIVITY;
    }

    /**
     * The {@code -Xmx} to give for a program of this many activities, in MiB: what it needs, and a sixteenth more for
     * what the collector keeps out of {@link Runtime#maxMemory()} (a survivor space), rounded up to 16 MiB.
     */
    public long xmxMiB(long activities) {
        long needed = needed(activities);
        long bytes = needed + needed / 16;
        return (bytes + 16 * MIB - 1) / (16 * MIB) * 16;
    }

    @Override
    public List<Problem> check(ProgramData program, String where) {
        int activities = program.activities().size();
        long needed = needed(activities);
        if (needed <= heapBytes) {
            return List.of();
        }
        return List.of(Problem.error(where, "heap-too-small", ServerMessages.text("heap.too-small", activities,
                (needed + MIB - 1) / MIB, heapBytes / MIB, xmxMiB(activities))));
    }
}
