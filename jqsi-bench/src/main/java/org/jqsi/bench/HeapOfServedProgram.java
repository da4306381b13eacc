package org.jqsi.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.search.WordFormSearch;
import org.jqsi.server.JqsiServer;
import org.jqsi.server.ServerSettings;

/**
 * The heap a served program holds (issue 22 item 3, the figures of jqsi-server's {@code HeapRule}): used heap after
 * full collections with the real {@link JqsiServer} started on a generated program, then once the program is loaded
 * and indexed, then once each of the twelve feeds of the widget ({@code feed.ics}, {@code feed.json},
 * {@code feed.jsonld}, in French and English, for the current edition and for all) was asked for once, one at a time,
 * so that the calendar events rendered for the feeds (kept for the program's version) are counted.
 *
 * <pre>java -Xmx2g -XX:+UseSerialGC -cp jqsi-bench/target/benchmarks.jar org.jqsi.bench.HeapOfServedProgram 20000</pre>
 *
 * Prints one line: activities, then MiB used with the server alone, with the program, with the feeds built.
 */
public final class HeapOfServedProgram {

    private HeapOfServedProgram() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : Programs.MEDIUM;
        Clock clock = Clock.systemUTC();
        ProgramValidator validator = new ProgramValidator();
        WordFormSearch search = new WordFormSearch();
        // The server alone, warmed on a program of one activity, its feeds built: the base.
        CurrentProgram tiny = CurrentProgram.load(ProgramSource.of("generated 1", Programs.data(1)), validator,
                search, clock);
        long server;
        long loaded;
        long served;
        try (JqsiServer warm = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(0), tiny,
                clock)) {
            askEveryFeed(warm.localUri());
            server = used();
        }
        tiny = null;
        long before = used();
        CurrentProgram program = CurrentProgram.load(ProgramSource.of("generated " + size, Programs.data(size)),
                validator, search, clock);
        loaded = used();
        try (JqsiServer jqsi = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(0),
                program, clock)) {
            askEveryFeed(jqsi.localUri());
            served = used();
            System.out.printf("%d activities: server %.1f MiB; program loaded +%.1f MiB (%.0f B/activity);"
                    + " feeds built +%.1f MiB (%.0f B/activity); Runtime.maxMemory %.0f MiB%n", size, mib(server),
                    mib(loaded - before), (double) (loaded - before) / size, mib(served - before),
                    (double) (served - before) / size, mib(Runtime.getRuntime().maxMemory()));
        }
    }

    private static void askEveryFeed(URI base) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String file : List.of("feed.ics", "feed.json", "feed.jsonld")) {
            for (String query : List.of("?lang=fr", "?lang=en", "?lang=fr&edition=all", "?lang=en&edition=all")) {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(base.resolve("widget/" + file + query))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(file + query + ": " + answer.statusCode());
                }
            }
        }
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static long used() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
