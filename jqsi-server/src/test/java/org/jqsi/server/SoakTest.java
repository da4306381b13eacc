package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.internal.ProgramWatcher;
import org.jqsi.server.internal.WatchedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The short soak: the real server on a loopback port, a few clients requesting pages and feeds without pause while
 * the program file is atomically replaced, alternately with a valid new version and a broken one (bad JSON, then a
 * program that fails validation). Nothing may fail: no 5xx, no transport error, every response names in
 * {@code X-Jqsi-Program-Version} a version that was served and shows that version's content and no other's, every
 * broken version is refused and logged, every valid one is served, and the heap does not grow from the first half
 * of the run to the second.
 *
 * <p>{@code -Djqsi.soak.seconds=…} and {@code -Djqsi.soak.replacements=…} make it longer; {@code jqsi-bench/soak.sh}
 * is the long form, with {@code wrk}.
 *
 * <p>Nothing asserted depends on the machine's speed: each replacement waits until the clients have had answers since
 * the one before, and every wait is bounded by {@link #HANG}, which only catches a server that stopped answering.
 */
class SoakTest {

    private static final Duration HANG = Duration.ofMinutes(2);

    private static final String VERSION_HEADER = "X-Jqsi-Program-Version";
    private static final Pattern MARKER = Pattern.compile("Soak version (\\d+)\\b");
    private static final List<String> PATHS = List.of("widget/", "widget/?lang=en", "widget/feed.json",
            "widget/feed.ics", "widget/feed.jsonld", "widget/activities/soak-marker-2020");
    /** A running clock: each reload gets its own time in /healthz, which is how the test sees it happen. */
    private static final Clock CLOCK = Clock.system(java.time.ZoneId.of("America/Toronto"));

    @TempDir
    Path dir;

    /** The sample program plus one activity whose title names the version. */
    static String validProgram(int version) {
        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        activities.add(Activity.builder("soak-marker-2020")
                .edition(SampleProgram.EDITION_2020)
                .kind(ActivityKind.QUIZ)
                .title(LocalizedText.of("Soak version " + version, "Soak version " + version))
                .schedule(Schedule.Timed.at(LocalDateTime.of(2020, 11, 9, 19, 0), Region.EASTERN))
                .region(Region.MAURICIE)
                .build());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            ProgramWriter.forFiles().write(new ProgramData(SampleProgram.editions(), SampleProgram.partners(),
                    activities), out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Broken alternately as JSON (cut in the middle) and as a program (a duplicate activity id). */
    static String brokenProgram(int version) {
        String valid = validProgram(version);
        if (version % 4 == 1) {
            return valid.substring(0, valid.length() / 2);
        }
        String duplicate = valid.replaceAll("\"id\"(\\s*):(\\s*)\"soak-marker-2020\"", "\"id\"$1:$2\"dheepan-2020\"");
        if (duplicate.equals(valid)) {
            throw new AssertionError("the soak marker was not found to break");
        }
        return duplicate;
    }

    static void replace(Path file, String content) throws Exception {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, content, StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void servesEveryRequestFromExactlyOneVersionWhileTheFileIsReplaced() throws Exception {
        int seconds = Integer.getInteger("jqsi.soak.seconds", 15);
        int replacements = Integer.getInteger("jqsi.soak.replacements", 20);
        ObjectMapper json = new ObjectMapper();
        ProgramReader reader = new ProgramReader();

        Path file = dir.resolve("program.json");
        replace(file, validProgram(0));
        Map<String, Integer> versions = new java.util.concurrent.ConcurrentHashMap<>();
        versions.put(Program.of(reader.read(file)).version(), 0);

        Logger watcherLog = (Logger) LoggerFactory.getLogger(ProgramWatcher.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        watcherLog.addAppender(logged);
        // Counted below, and each refusal is a dozen lines: kept off the console.
        watcherLog.setAdditive(false);
        Logger requestLog = (Logger) LoggerFactory.getLogger("org.eclipse.jetty.server.RequestLog");
        Level requestLevel = requestLog.getLevel();
        requestLog.setLevel(Level.WARN);

        CurrentProgram current = CurrentProgram.load(new WatchedFile(file, reader), new ProgramValidator(), CLOCK);
        JqsiServer server = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                .withReloadInterval(Duration.ofMillis(50)), current, CLOCK);
        HttpClient http = HttpClient.newBuilder().connectTimeout(HANG).build();
        URI base = URI.create("http://127.0.0.1:" + server.port() + "/");

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong served = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        int clients = 4;
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        try {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    int i = client;
                    while (running.get()) {
                        String path = PATHS.get(i++ % PATHS.size());
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                                    .timeout(HANG).build(), HttpResponse.BodyHandlers.ofString());
                            served.incrementAndGet();
                            String problem = check(path, response, versions);
                            if (problem != null) {
                                failures.add(problem);
                            }
                        } catch (Exception e) {
                            failures.add(path + ": " + e);
                        }
                    }
                    return null;
                });
            }

            // Heap after a full collection, once a second: the growth between halves is what matters.
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            List<Long> heap = Collections.synchronizedList(new ArrayList<>());
            pool.submit(() -> {
                while (running.get()) {
                    System.gc();
                    heap.add(memory.getHeapMemoryUsage().getUsed());
                    Thread.sleep(1000);
                }
                return null;
            });

            long pause = TimeUnit.SECONDS.toMillis(seconds) / (replacements + 1);
            int refused = 0;
            long answered = 0;
            for (int r = 1; r <= replacements; r++) {
                Thread.sleep(pause);
                answered = awaitMore(served::get, answered, clients, "before replacement " + r);
                JsonNode before = json.readTree(http.send(HttpRequest.newBuilder(base.resolve("healthz")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                if (r % 2 == 0) {
                    String content = validProgram(r);
                    Path probe = dir.resolve("probe.json");
                    Files.writeString(probe, content);
                    String version = Program.of(reader.read(probe)).version();
                    versions.put(version, r);
                    replace(file, content);
                    JsonNode health = await(http, base, json, h -> h.get("programVersion").asText().equals(version));
                    assertThat(health.get("lastReload").get("applied").asBoolean()).isTrue();
                } else {
                    String at = before.get("lastReload").get("at").asText();
                    replace(file, brokenProgram(r));
                    JsonNode health = await(http, base, json,
                            h -> !h.get("lastReload").get("at").asText().equals(at));
                    assertThat(health.get("lastReload").get("applied").asBoolean()).as("replacement %d", r).isFalse();
                    assertThat(health.get("lastReload").get("errors")).as("replacement %d", r).isNotEmpty();
                    assertThat(health.get("programVersion").asText())
                            .isEqualTo(before.get("programVersion").asText());
                    refused++;
                }
            }
            Thread.sleep(pause);
            awaitMore(served::get, answered, clients, "after the last replacement");
            // Enough heap samples for two halves, however slowly the sampler got its turns.
            awaitMore(() -> heap.size(), 0, 6, "heap samples");
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(HANG.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

            assertThat(failures).as("failed or inconsistent responses").isEmpty();
            long refusals = logged.list.stream().filter(e -> e.getLevel() == Level.WARN
                    // The server speaks French unless its settings say otherwise.
                    && e.getFormattedMessage().contains("refusé")).count();
            assertThat(refusals).as("broken versions logged").isEqualTo(refused);
            assertThat(versions).hasSize(1 + replacements / 2);

            List<Long> samples = new ArrayList<>(heap);
            assertThat(samples.size()).isGreaterThanOrEqualTo(4);
            List<Long> first = samples.subList(1, samples.size() / 2);
            List<Long> second = samples.subList(samples.size() / 2, samples.size());
            long firstMax = Collections.max(first);
            long secondMedian = second.stream().sorted().toList().get(second.size() / 2);
            // Tolerant: a collection is not exact, and a version change allocates a new index; a leak of a program
            // per reload or of a response per request would still show, as it grows with the run.
            assertThat(secondMedian).as("used heap after GC, second half (first half max %d MiB, samples %s)",
                    firstMax >> 20, samples.stream().map(b -> b >> 20).toList())
                    .isLessThan(firstMax + firstMax / 4 + (16L << 20));
            System.out.printf("soak: %d s, %d responses, %d replacements (%d refused), heap after GC %s MiB%n",
                    seconds, served.get(), replacements, refused, samples.stream().map(b -> b >> 20).toList());
        } finally {
            running.set(false);
            pool.shutdownNow();
            server.stop();
            watcherLog.setAdditive(true);
            watcherLog.detachAppender(logged);
            requestLog.setLevel(requestLevel);
        }
    }

    /** Why a response is wrong, or {@code null}. */
    private static String check(String path, HttpResponse<String> response, Map<String, Integer> versions) {
        if (response.statusCode() != 200) {
            return path + ": HTTP " + response.statusCode();
        }
        String version = response.headers().firstValue(VERSION_HEADER).orElse(null);
        if (version == null) {
            return path + ": no " + VERSION_HEADER;
        }
        Integer expected = versions.get(version);
        if (expected == null) {
            return path + ": unknown version " + version;
        }
        Map<Integer, Integer> shown = new LinkedHashMap<>();
        Matcher m = MARKER.matcher(response.body());
        while (m.find()) {
            shown.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
        }
        if (!shown.keySet().equals(java.util.Set.of(expected))) {
            return path + ": version " + expected + " in the header, content of " + shown.keySet();
        }
        return null;
    }

    /**
     * Waits until {@code count} has grown by {@code more} since {@code since}, and returns it; fails after
     * {@link #HANG}.
     */
    private static long awaitMore(java.util.function.LongSupplier count, long since, int more, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + HANG.toNanos();
        long now;
        while ((now = count.getAsLong()) < since + more) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + ": " + (now - since) + " of " + more + " after " + HANG);
            }
            Thread.sleep(20);
        }
        return now;
    }

    private static JsonNode await(HttpClient http, URI base, ObjectMapper json,
            java.util.function.Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + HANG.toNanos();
        JsonNode health;
        do {
            health = json.readTree(http.send(HttpRequest.newBuilder(base.resolve("healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (condition.test(health)) {
                return health;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the server did not reload in time: " + health);
    }
}
