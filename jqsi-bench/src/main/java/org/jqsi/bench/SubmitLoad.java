package org.jqsi.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Submissions under load: the real server ({@link SubmitLoadServer}, in a process of its own, with the JVM options of
 * {@code JQSI_JAVA_OPTS} as {@code ./jqsi} takes them) on a fresh embedded database, a generated program,
 * {@code SUBMITTERS} clients each sending JSON submissions to {@code /submit/} for {@code SECONDS}, while two clients
 * read the same widget page. Reports submissions per second with their latency percentiles, and the widget's requests
 * per second and distinct ETags without and then with submissions flowing: pending submissions do not change the
 * program, so its version stays and every widget request after the first is answered from the widget's cache (one
 * ETag).
 *
 * <pre>java -cp jqsi-bench/target/benchmarks.jar org.jqsi.bench.SubmitLoad SECONDS SUBMITTERS ACTIVITIES \
 *     [PAUSE-MS [READS-PER-SECOND]]</pre>
 *
 * <p>{@code PAUSE-MS} 0 (the default): each submitter sends again as soon as it is answered, a closed loop that
 * measures throughput, where the mean latency is {@code SUBMITTERS / throughput} whatever the server does. A pause
 * (each one drawn between half and one and a half times it) models people and partners' tools, which do not send
 * back to back: the latency is then one submission's. {@code READS-PER-SECOND} paces each of the two widget readers
 * (0, the default: as fast as answered, which takes a core from the submissions on a two-core machine).
 */
public final class SubmitLoad {

    private SubmitLoad() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int submitters = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : Programs.SMALL;
        int pauseMillis = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        int readsPerSecond = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        Path data = Files.createTempDirectory("jqsi-submit-load");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getenv("JQSI_JAVA_OPTS");
        if (options != null && !options.isBlank()) {
            command.addAll(Arrays.asList(options.strip().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SubmitLoadServer.class.getName(),
                Integer.toString(size), data.toString()));
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(server.getOutputStream(), StandardCharsets.UTF_8)) {
            URI base = URI.create("http://127.0.0.1:" + answer(out, "port ") + "/");
            String version = version(in, out);
            System.out.printf("# %s cores=%d load=%s program=%d activities, %d submitters pausing %d ms, widget "
                    + "readers %s, %d s, server options: %s%n", java.time.Instant.now(),
                    Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip(),
                    size, submitters, pauseMillis, readsPerSecond == 0 ? "unpaced" : "2 x " + readsPerSecond + "/s",
                    seconds, options == null || options.isBlank() ? "(none)" : options.strip());
            Phase warm = run(base, 4, 2, Math.max(3, seconds / 4), 0, readsPerSecond);
            Phase alone = run(base, 0, 2, seconds, 0, readsPerSecond);
            ask(in, out, "served", "served ");
            Phase flowing = run(base, submitters, 2, seconds, pauseMillis, readsPerSecond);
            String[] served = ask(in, out, "served", "served ").split(" ");
            System.out.printf("warm-up: %d submissions, %d widget requests%n", warm.submitted, warm.widget);
            report("widget alone", alone, seconds);
            report("with submissions", flowing, seconds);
            if (served.length == 5) {
                System.out.printf("inside the server: %s answered 201, p50 %s ms, p90 %s ms, p99 %s ms, max %s ms%n",
                        served[0], served[1], served[2], served[3], served[4]);
            }
            System.out.printf("program version unchanged by pending submissions: %s%n",
                    version.equals(version(in, out)));
        } finally {
            // The end of its input stops the server; a signal would make its shutdown hooks race its own stop.
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroy();
            }
        }
    }

    /** The rest of the first line of the server's output that starts with a prefix. */
    private static String answer(BufferedReader out, String prefix) throws java.io.IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new IllegalStateException("the server stopped before it said " + prefix.strip());
    }

    private static String version(Writer in, BufferedReader out) throws java.io.IOException {
        return ask(in, out, "version", "program-version ");
    }

    /** Asks the server a question (a line) and returns the rest of its answer, the line that starts with a prefix. */
    private static String ask(Writer in, BufferedReader out, String question, String answer)
            throws java.io.IOException {
        in.write(question + "\n");
        in.flush();
        return answer(out, answer);
    }

    private static void report(String name, Phase phase, int seconds) {
        System.out.printf("%s: widget %.0f req/s, %d distinct ETag(s), p99 %.1f ms, errors %d%n", name,
                phase.widget / (double) seconds, phase.etags.size(), percentile(phase.widgetMillis, 0.99),
                phase.errors.get());
        if (phase.submitted > 0) {
            System.out.printf("%s: %.1f submissions/s (%d created), latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                    + "max %.1f ms%n", name, phase.submitted / (double) seconds, phase.submitted,
                    percentile(phase.submitMillis, 0.50), percentile(phase.submitMillis, 0.90),
                    percentile(phase.submitMillis, 0.99), percentile(phase.submitMillis, 1.0));
        }
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1 < 0 ? 0
                : (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** What one phase measured. */
    private record Phase(long submitted, double[] submitMillis, long widget, double[] widgetMillis, Set<String> etags,
            AtomicLong errors) {
    }

    private static Phase run(URI base, int submitters, int readers, int seconds, int pauseMillis, int readsPerSecond)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicBoolean stop = new AtomicBoolean();
        List<List<Double>> submitTimes = new ArrayList<>();
        List<List<Double>> widgetTimes = new ArrayList<>();
        Set<String> etags = ConcurrentHashMap.newKeySet();
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(submitters + readers);
        for (int i = 0; i < submitters; i++) {
            List<Double> times = new ArrayList<>();
            submitTimes.add(times);
            threads.add(new Thread(() -> {
                ready.countDown();
                if (pauseMillis > 0) {
                    try {
                        // People arrive one by one: without this, the twenty submitters' first submissions of a phase
                        // reach the server in the same millisecond, a burst that queues behind itself (at 2.5 ms of
                        // CPU each on two cores, then one commit after another) and that no paced load would send.
                        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(pauseMillis + 1));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                while (!stop.get()) {
                    long n = sequence.incrementAndGet();
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("submit/"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body(n))).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 201) {
                            times.add((System.nanoTime() - start) / 1e6);
                        } else if (errors.incrementAndGet() == 1) {
                            System.out.println("first refusal: " + response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (pauseMillis > 0) {
                        try {
                            // Spread out: submitters that started together do not stay in step.
                            Thread.sleep(pauseMillis / 2 + java.util.concurrent.ThreadLocalRandom.current()
                                    .nextInt(pauseMillis + 1));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "submitter-" + i));
        }
        for (int i = 0; i < readers; i++) {
            List<Double> times = new ArrayList<>();
            widgetTimes.add(times);
            threads.add(new Thread(() -> {
                ready.countDown();
                HttpRequest request = HttpRequest.newBuilder(base.resolve("widget/?edition=" + Programs.EDITION))
                        .build();
                long period = readsPerSecond == 0 ? 0 : 1_000_000_000L / readsPerSecond;
                long next = System.nanoTime();
                while (!stop.get()) {
                    if (period > 0) {
                        // Paced at a fixed rate from the start, whatever each answer took.
                        next += period;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                    }
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() == 200) {
                            times.add((System.nanoTime() - start) / 1e6);
                            response.headers().firstValue("ETag").ifPresent(etags::add);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }, "reader-" + i));
        }
        threads.forEach(Thread::start);
        ready.await();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        double[] submit = sorted(submitTimes);
        double[] widget = sorted(widgetTimes);
        return new Phase(submit.length, submit, widget.length, widget, new HashSet<>(etags), errors);
    }

    private static double[] sorted(List<List<Double>> lists) {
        double[] all = lists.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(all);
        return all;
    }

    /** A new activity of the generated program's 2021 edition, organised by one of its partners. */
    private static String body(long n) {
        return """
                {"submitter": {"organisation": "Organisme n° %1$d", "email": "programme%1$d@example.org"},
                 "activity": {"editionId": "%2$s", "kind": "workshop",
                   "title": {"fr": "Atelier proposé n° %1$d", "en": "Proposed workshop %1$d"},
                   "schedule": {"type": "timed", "start": "2021-11-10T19:00", "end": "2021-11-10T21:00",
                                "zone": "America/Toronto"},
                   "region": "04", "status": "scheduled",
                   "partners": [{"partnerId": "p%3$d", "role": "organizer"}]}}
                """.formatted(n, Programs.EDITION, n % 40);
    }
}
