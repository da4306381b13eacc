package org.jqsi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
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
 * <pre>java -Xmx1g -cp jqsi-bench/target/benchmarks.jar org.jqsi.bench.RenderCpuRatio [activities] [rounds]</pre>
 */
public final class RenderCpuRatio {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String REQUEST = "GET /widget/?edition=" + Programs.EDITION
            + " HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n";

    private RenderCpuRatio() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : Programs.MEDIUM;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Program program = Programs.of(size);
        LocalConnector fresh = start(program, 0);
        LocalConnector cached = start(program, 32L << 20);
        for (int i = 0; i < 1500; i++) {
            fresh.getResponse(REQUEST);
            cached.getResponse(REQUEST);
        }
        List<Double> freshes = new ArrayList<>();
        List<Double> keeps = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double f = cpuPerRequest(fresh, 200);
            double c = cpuPerRequest(cached, 2000);
            freshes.add(f);
            keeps.add(c);
            ratios.add(f / c);
            System.out.printf("round %d: afresh %.0f µs, cached %.0f µs of CPU per request, ratio %.1f%n", round, f, c,
                    f / c);
        }
        System.out.printf("median of %d rounds: afresh %.0f µs, cached %.0f µs, ratio %.1f%n", rounds,
                median(freshes), median(keeps), median(ratios));
        System.exit(0);
    }

    private static LocalConnector start(Program program, long cacheBytes) throws Exception {
        JqsiWidgetServlet servlet = new JqsiWidgetServlet(() -> program,
                WidgetSettings.builder().pageSize(50).cacheBytes(cacheBytes).build(),
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

    private static double cpuPerRequest(LocalConnector connector, int requests) throws Exception {
        long before = applicationCpu();
        for (int i = 0; i < requests; i++) {
            connector.getResponse(REQUEST);
        }
        return (applicationCpu() - before) / 1000.0 / requests;
    }

    private static long applicationCpu() {
        long sum = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && !thread.getThreadName().contains("Compiler")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return sum;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
