package org.jqsi.bench;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.ical.CalendarExporter;
import org.jqsi.ical.FeedOptions;
import org.jqsi.ical.IcalSettings;
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
 * Writing a program's whole iCalendar feed: the first time for a program version (every VEVENT built with iCal4j),
 * again (cached VEVENTs, concatenated), a region's feed from the cache, and biweekly writing the same events.
 * Output goes to a writer that counts characters and keeps nothing, so that only the writing is measured.
 *
 * <pre>java -jar jqsi-bench/target/benchmarks.jar IcalExportBenchmark -p size=10000 -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IcalExportBenchmark {

    @Param({"1000", "10000", "100000"})
    public int size;

    private Program program;
    private List<Activity> all;
    private CalendarExporter warm;
    private CalendarExporter cold;
    private BiweeklyFeed biweekly;
    private final ActivityQuery everything = ActivityQuery.all();
    private final ActivityQuery montreal = ActivityQuery.builder().region(Region.MONTREAL).build();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        program = Programs.of(size);
        all = program.activities();
        warm = new CalendarExporter(IcalSettings.defaults());
        warm.writeFeed(program, everything, FeedOptions.defaults(), Writer.nullWriter());
        biweekly = new BiweeklyFeed(warm.feed(program, everything, FeedOptions.defaults()));
    }

    /** A fresh exporter (its time zones loaded, its cache empty) for each first-time export. */
    @Setup(Level.Invocation)
    public void freshExporter() {
        cold = new CalendarExporter(IcalSettings.defaults());
        // As in the server, whose widget loads the time zones in the background when it starts: "first time" is
        // the first feed of a program version, not the first feed of the process.
        cold.warmUp();
    }

    @Benchmark
    public long firstTime() throws IOException {
        CountingWriter out = new CountingWriter();
        cold.writeFeed(program, everything, FeedOptions.defaults(), out);
        return out.count;
    }

    @Benchmark
    public long cached() throws IOException {
        CountingWriter out = new CountingWriter();
        warm.writeFeed(program, everything, FeedOptions.defaults(), out);
        return out.count;
    }

    @Benchmark
    public long cachedRegion() throws IOException {
        CountingWriter out = new CountingWriter();
        warm.writeFeed(program, montreal, FeedOptions.defaults(), out);
        return out.count;
    }

    @Benchmark
    public long biweekly() throws IOException {
        CountingWriter out = new CountingWriter();
        biweekly.write(program, all, out);
        return out.count;
    }

    /** Counts what is written, so that the JIT cannot drop the writing, and keeps nothing. */
    static final class CountingWriter extends Writer {
        long count;

        @Override
        public void write(char[] buffer, int offset, int length) {
            count += length;
        }

        @Override
        public void write(String text) {
            count += text.length();
        }

        @Override
        public void write(String text, int offset, int length) {
            count += length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
