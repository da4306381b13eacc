package org.jqsi.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.jqsi.core.program.Program;
import org.jqsi.web.JqsiWidgetServlet;
import org.jqsi.web.WidgetSettings;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One page of 50 activities of the widget, from a program of 10,000 (by default): a whole HTTP request through the
 * real servlet in Jetty, in memory ({@link LocalConnector}: no socket), so the number is what a request costs the
 * server. {@code firstPage} lists an edition, {@code filteredPage} a region and a kind, {@code textSearch} a word,
 * {@code notModified} is a revalidation answered with {@code 304} (the common case behind a cache). With
 * {@code cacheBytes=0} every request renders its page; with the default cache, the same request is answered from
 * the bytes rendered the first time. {@code newFilters} asks the same activities under filters never asked before.
 * Pages are rendered from the cards kept by earlier pages ({@code cardBytes}, 16 MiB); {@code -p cardBytes=0} renders
 * every card of every page (what a page cost before issue 23's cards were kept).
 *
 * <pre>java -jar jqsi-bench/target/benchmarks.jar WidgetRenderBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WidgetRenderBenchmark {

    @Param({"10000"})
    public int size;

    /** {@code 0}: every request renders (what a first request for a page costs); else repeated requests are sent
     * from the widget's cache of rendered responses (the default 32 MiB). */
    @Param({"0", "33554432"})
    public long cacheBytes;

    /** The list's cards kept rendered (issue 23): the default 16 MiB; {@code 0} renders every card of every page. */
    @Param({"16777216"})
    public long cardBytes;

    private Server server;
    private LocalConnector connector;
    private String etag;
    private int day;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Program program = Programs.of(size);
        JqsiWidgetServlet servlet = new JqsiWidgetServlet(() -> program,
                WidgetSettings.builder().pageSize(50).cacheBytes(cacheBytes).cardBytes(cardBytes).build(),
                Clock.fixed(Instant.parse("2021-11-10T15:00:00Z"), ZoneOffset.UTC));
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(servlet), "/widget/*");
        server.setHandler(context);
        server.start();
        String response = get("/widget/?edition=" + Programs.EDITION, "");
        if (!response.startsWith("HTTP/1.1 200") || count(response, "class=\"jqsi-activity") != 50) {
            throw new IllegalStateException("the widget did not render a page of 50: " + response.substring(0, 200));
        }
        int at = response.indexOf("ETag: ");
        etag = response.substring(at + 6, response.indexOf("\r\n", at));
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        server.stop();
    }

    @Benchmark
    public String firstPage() throws Exception {
        return get("/widget/?edition=" + Programs.EDITION, "");
    }

    /**
     * {@code firstPage}'s activities under filters no request asked for before ({@code to}, a day later each time,
     * far after the edition): a page missing the cache of responses, whose cards earlier pages rendered.
     */
    @Benchmark
    public String newFilters() throws Exception {
        day++;
        return get("/widget/?edition=" + Programs.EDITION + "&to=" + LocalDate.of(2030, 1, 1).plusDays(day), "");
    }

    @Benchmark
    public String filteredPage() throws Exception {
        return get("/widget/?edition=all&region=06&kind=conference&lang=en", "");
    }

    @Benchmark
    public String textSearch() throws Exception {
        return get("/widget/?edition=all&q=solidarite", "");
    }

    @Benchmark
    public String notModified() throws Exception {
        return get("/widget/?edition=" + Programs.EDITION, "If-None-Match: " + etag + "\r\n");
    }

    private String get(String path, String headers) throws Exception {
        return connector.getResponse("GET " + path + " HTTP/1.1\r\nHost: bench\r\n" + headers
                + "Connection: close\r\n\r\n");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
