package org.jqsi.bench;

import static org.jqsi.bench.ApplicationCpu.median;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.server.JqsiServer;
import org.jqsi.server.ServerSettings;

/**
 * Issue 23 target 4 in <b>CPU time of the server per request</b>, in pairs a moment apart: the cached widget page and
 * its {@code 304} against {@code /fixed/page} (the same bytes precomputed), on the real {@link JqsiServer} with
 * {@link LoadServer}'s set-up (same program, clock, handlers, access log). {@code load.sh} gives request rates, which
 * on this shared machine move with the other tenants' load (the same jar gave 66 % and 120 % a minute apart at a load
 * of 20); here one client thread asks over one kept-alive loopback connection, blocks of requests to each route
 * alternate, and what is counted is the CPU time of every thread but the client's and the JIT compilers'. Prints each
 * round and the medians. Run it with the access log sent elsewhere: {@code 2>/dev/null}.
 *
 * <pre>java -Xmx1g -cp jqsi-bench/target/benchmarks.jar org.jqsi.bench.HitCpuRatio [activities] [rounds] 2>/dev/null</pre>
 */
public final class HitCpuRatio {

    private static final int REQUESTS = 2000;

    private HitCpuRatio() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : Programs.MEDIUM;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        Clock clock = Clock.fixed(Instant.parse("2021-11-10T15:00:00Z"), ZoneOffset.UTC);
        CurrentProgram program = CurrentProgram.load(ProgramSource.of("generated " + size, Programs.data(size)),
                new ProgramValidator(), clock);
        LoadServer.Fixed fixed = new LoadServer.Fixed();
        JqsiServer server = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(0), program,
                clock, Map.of("/fixed/*", fixed));
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setTcpNoDelay(true);
            Client client = new Client(socket, "127.0.0.1:" + server.port());
            Response page = client.get(LoadServer.PAGE, "");
            if (page.status() != 200) {
                throw new IllegalStateException(LoadServer.PAGE + " answered " + page.status());
            }
            fixed.bodies.put("/page", new LoadServer.Fixed.Body(page.body(), page.contentType()));
            String etag = "If-None-Match: " + page.etag() + "\r\n";
            // Warm-up: the JIT compiles both paths before anything is counted.
            for (int i = 0; i < 20_000; i++) {
                client.get("/fixed/page", "");
                client.get(LoadServer.PAGE, "");
                client.get(LoadServer.PAGE, etag);
            }
            List<Double> fixeds = new ArrayList<>();
            List<Double> hits = new ArrayList<>();
            List<Double> notModifieds = new ArrayList<>();
            List<Double> hitRatios = new ArrayList<>();
            List<Double> notModifiedRatios = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                double f = cpuPerRequest(client, "/fixed/page", "", 200);
                double h = cpuPerRequest(client, LoadServer.PAGE, "", 200);
                double n = cpuPerRequest(client, LoadServer.PAGE, etag, 304);
                fixeds.add(f);
                hits.add(h);
                notModifieds.add(n);
                // As load.sh's ratios: requests per second of the route over /fixed/page's, so CPU fixed / route.
                hitRatios.add(f / h);
                notModifiedRatios.add(f / n);
                System.out.printf("round %d: fixed %.1f µs, cached page %.1f µs (%.0f %%), 304 %.1f µs (%.0f %%)%n",
                        round, f, h, 100 * f / h, n, 100 * f / n);
            }
            System.out.printf("median of %d rounds of %d requests, server CPU per request: fixed %.1f µs, cached"
                    + " page %.1f µs, 304 %.1f µs; median ratios (fixed / route, as req/s) cached %.0f %%, 304 %.0f"
                    + " %%; cores %d, load %.2f%n", rounds, REQUESTS, median(fixeds), median(hits),
                    median(notModifieds), 100 * median(hitRatios), 100 * median(notModifiedRatios),
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            server.stop();
        }
        System.exit(0);
    }

    private static double cpuPerRequest(Client client, String path, String headers, int status) throws IOException {
        long before = ApplicationCpu.nanosExcept(Thread.currentThread().getId());
        for (int i = 0; i < REQUESTS; i++) {
            if (client.get(path, headers).status() != status) {
                throw new IllegalStateException(path + " did not answer " + status);
            }
        }
        return (ApplicationCpu.nanosExcept(Thread.currentThread().getId()) - before) / 1000.0 / REQUESTS;
    }

    private record Response(int status, String contentType, String etag, byte[] body) {
    }

    /** HTTP/1.1 over one kept-alive connection: a request, then its response read to the end of its body. */
    private static final class Client {
        private final InputStream in;
        private final OutputStream out;
        private final String host;

        Client(Socket socket, String host) throws IOException {
            this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            this.out = socket.getOutputStream();
            this.host = host;
        }

        Response get(String path, String headers) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = 0;
            String type = null;
            String etag = null;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(value);
                } else if (name.equalsIgnoreCase("Content-Type")) {
                    type = value;
                } else if (name.equalsIgnoreCase("ETag")) {
                    etag = value;
                }
            }
            // A 304 announces its 200's length without a body.
            byte[] body = status == 304 ? new byte[0] : in.readNBytes(length);
            return new Response(status, type, etag, body);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
