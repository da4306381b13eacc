package org.jqsi.bench;

import static org.jqsi.bench.ApplicationCpu.median;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.jqsi.core.program.Program;
import org.jqsi.web.JqsiWidgetServlet;
import org.jqsi.web.WidgetSettings;

/**
 * {@link WidgetRenderBenchmark}'s {@code firstPage} rendered afresh ({@code cacheBytes=0}) and from the cache, in
 * alternating rounds, measured in <b>CPU time of the application's threads</b> per request (JIT compiler threads
 * left out; GC threads are not Java threads) rather than wall time: on this shared machine, other tenants' load
 * (a load average of 20 on 2 cores) made JMH's wall times vary tenfold between runs, while the CPU a request costs
 * moves much less. Prints each round and the medians.
 *
 * <p>Four servers on the same program, each request of a round after the other's: <b>cached</b> (the same page,
 * answered from the cache of responses), <b>afresh</b> (the same page, rendered from the cards it rendered before:
 * {@code cardBytes} 16 MiB), <b>new filters</b> (the same activities under filters no request asked for before, a
 * {@code to} date a day later each time: rendered from cards earlier pages rendered), and <b>every card</b> (the same
 * new filters, {@code cardBytes 0}: every card rendered, as before issue 23's cards were kept).
 *
 * <pre>java -Xmx1g -cp jqsi-bench/target/benchmarks.jar org.jqsi.bench.RenderCpuRatio [activities] [rounds]</pre>
 */
public final class RenderCpuRatio {

    private static final String PAGE = "/widget/?edition=" + Programs.EDITION;
    private static int day;

    private RenderCpuRatio() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : Programs.MEDIUM;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Program program = Programs.of(size);
        long cards = WidgetSettings.DEFAULT_CARD_BYTES;
        LocalConnector fresh = start(program, 0, cards);
        LocalConnector cached = start(program, 32L << 20, cards);
        LocalConnector everyCard = start(program, 0, 0);
        for (String page : List.of(PAGE, newFilters())) {
            String response = everyCard.getResponse(request(page));
            int shown = response.split("class=\"jqsi-activity", -1).length - 1;
            if (!response.startsWith("HTTP/1.1 200") || shown != 50) {
                throw new IllegalStateException(page + " did not render a page of 50: " + shown);
            }
        }
        for (int i = 0; i < 1500; i++) {
            fresh.getResponse(request(PAGE));
            cached.getResponse(request(PAGE));
            fresh.getResponse(request(newFilters()));
            everyCard.getResponse(request(newFilters()));
        }
        List<Double> freshes = new ArrayList<>();
        List<Double> keeps = new ArrayList<>();
        List<Double> news = new ArrayList<>();
        List<Double> everys = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double f = cpuPerRequest(fresh, 200, false);
            double c = cpuPerRequest(cached, 2000, false);
            double n = cpuPerRequest(fresh, 200, true);
            double e = cpuPerRequest(everyCard, 200, true);
            freshes.add(f);
            keeps.add(c);
            news.add(n);
            everys.add(e);
            System.out.printf("round %d: afresh %.0f µs, cached %.0f µs, new filters %.0f µs, every card %.0f µs of"
                    + " CPU per request; ratios to cached %.1f, %.1f, %.1f%n", round, f, c, n, e, f / c, n / c,
                    e / c);
        }
        double c = median(keeps);
        System.out.printf("median of %d rounds: afresh %.0f µs, cached %.0f µs, ratio %.1f%n", rounds,
                median(freshes), c, median(freshes) / c);
        System.out.printf("median of %d rounds: new filters %.0f µs (ratio %.1f), every card rendered %.0f µs"
                + " (ratio %.1f)%n", rounds, median(news), median(news) / c, median(everys), median(everys) / c);
        System.exit(0);
    }

    /** The edition's page under a {@code to} date no request used before: the same activities. */
    private static String newFilters() {
        day++;
        return PAGE + "&to=" + LocalDate.of(2030, 1, 1).plusDays(day);
    }

    private static String request(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n";
    }

    private static LocalConnector start(Program program, long cacheBytes, long cardBytes) throws Exception {
        JqsiWidgetServlet servlet = new JqsiWidgetServlet(() -> program,
                WidgetSettings.builder().pageSize(50).cacheBytes(cacheBytes).cardBytes(cardBytes).build(),
                Clock.fixed(Instant.parse("2021-11-10T15:00:00Z"), ZoneOffset.UTC));
        Server server = new Server();
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(servlet), "/widget/*");
        server.setHandler(context);
        server.start();
        return connector;
    }

    private static double cpuPerRequest(LocalConnector connector, int requests, boolean newFilters)
            throws Exception {
        // The requests are made before the clock starts: their text is no part of the server's work.
        List<String> asked = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            asked.add(request(newFilters ? newFilters() : PAGE));
        }
        long before = ApplicationCpu.nanos();
        for (String each : asked) {
            connector.getResponse(each);
        }
        return (ApplicationCpu.nanos() - before) / 1000.0 / requests;
    }

}
