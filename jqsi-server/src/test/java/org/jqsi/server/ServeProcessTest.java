package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.server.internal.cli.JqsiCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jqsi serve} as its own process, the way people run it: it starts, serves, and ends on SIGTERM. */
class ServeProcessTest {

    private static final Pattern OPEN = Pattern.compile("Open (http://localhost:\\d+/)");

    @TempDir
    Path dir;

    private static ProcessBuilder jqsi(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Short runs: the quick compiler alone and the serial collector start sooner; nothing here depends on either.
        List<String> command = new java.util.ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "org.jqsi.server.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @Test
    void servesTheSampleAndStopsCleanlyOnSigterm() throws Exception {
        String data = dir.resolve("data").toString();
        String password = "un mot de passe assez long";
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream to = new PrintStream(said, true, StandardCharsets.UTF_8);
        assertThat(JqsiCommand.run(new String[] {"accounts", "add", "marie@cs3r.example.org", "--role", "coordinator",
            "--region", "04", "--password-stdin", "--data", data},
                new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)), to, to, Map.of()))
                .as(said.toString(StandardCharsets.UTF_8)).isZero();
        Process process = jqsi("serve", "--lang", "en", "--port", "0", "--host", "127.0.0.1", "--data", data)
                .redirectError(dir.resolve("log.txt").toFile()).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).startsWith("jqsi is serving classpath resource").contains("7 activities");
            assertThat(out.readLine()).startsWith("and keeps the submissions in: embedded database in ");
            String third = out.readLine();
            Matcher open = OPEN.matcher(third);
            assertThat(open.matches()).as(third).isTrue();

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(open.group(1) + "healthz")).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"serving\"");
            // The server searches with French and English word forms (jqsi-search): "films" finds "film" (#23).
            HttpResponse<String> films = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(open.group(1) + "widget/?edition=all&q=films")).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(films.statusCode()).isEqualTo(200);
            assertThat(films.body()).contains("id=\"jqsi-a-" + SampleProgram.SHORT_FILMS + "\"",
                    "id=\"jqsi-a-" + SampleProgram.CECI_DISCUSSION_1 + "\"",
                    "id=\"jqsi-a-" + SampleProgram.CECI_DISCUSSION_2 + "\"");

            // The review pages are mounted, in the server's language, behind a log-in.
            HttpResponse<String> review = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(open.group(1) + "review/")).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(review.statusCode()).isEqualTo(401);
            assertThat(review.body()).contains("<h1>Submission review</h1>", "name=\"password\"");
            // The review pages are made by their first request (#23): logging in checks the password with Argon2id.
            HttpResponse<String> form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(open.group(1) + "review/login")).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(csrf.find()).as(form.body()).isTrue();
            HttpRequest.Builder logIn = HttpRequest.newBuilder(URI.create(open.group(1) + "review/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + URLEncoder.encode(csrf.group(1),
                            StandardCharsets.UTF_8) + "&email=marie%40cs3r.example.org&password="
                            + URLEncoder.encode(password, StandardCharsets.UTF_8)));
            form.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                    .reduce((a, b) -> a + "; " + b).ifPresent(cookies -> logIn.header("Cookie", cookies));
            HttpResponse<String> in = HttpClient.newHttpClient().send(logIn.build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(in.statusCode()).as(in.body()).isEqualTo(303);
            assertThat(in.headers().allValues("Set-Cookie")).isNotEmpty();

            process.destroy(); // SIGTERM
            // Bounds here and below only catch a hang: a JVM starts and stops slowly on a loaded machine.
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("ended after SIGTERM").isTrue();
            // 143 = 128 + SIGTERM: the JVM ended by the signal, through its shutdown hooks, without hanging.
            assertThat(process.exitValue()).isEqualTo(143);
        } finally {
            process.destroyForcibly();
        }
    }

    private static final String PROGRAM = """
            {"formatVersion": 1,
             "editions": [{"id": "jqsi-2021", "year": 2021, "start": "2021-11-01", "end": "2021-11-30"}],
             "activities": [{"id": "blanc-sablon-2021", "editionId": "jqsi-2021", "kind": "conference",
               "title": {"fr": "Conférence à Blanc-Sablon"},
               "schedule": {"type": "timed", "start": "2021-11-08T%s", "end": "2021-11-08T21:00",
                 "zone": "America/Blanc-Sablon"},
               "place": {"type": "venue", "name": "Centre communautaire", "address": {"municipality": "Blanc-Sablon"}},
               "region": "09", "status": "scheduled"}]}
            """;

    /** The activity's .ics, as the server at {@code base} serves it. */
    private static String activityIcs(String base) throws Exception {
        HttpResponse<String> ics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "widget/activities/blanc-sablon-2021.ics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ics.statusCode()).isEqualTo(200);
        return ics.body();
    }

    /** Starts {@code jqsi serve} on a program file; returns the process and its base URL. */
    private Process serve(Path program, String[] base) throws Exception {
        return serve(base, "--program", program.toString(), "--reload-interval", "0.2");
    }

    /** Starts {@code jqsi serve} with more options; returns the process and its base URL. */
    private Process serve(String[] base, String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("serve", "--lang", "en", "--port", "0", "--host",
                "127.0.0.1"));
        args.addAll(List.of(options));
        Process process = jqsi(args.toArray(String[]::new)).redirectError(dir.resolve("log.txt").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        out.readLine();
        out.readLine();
        String line = out.readLine();
        Matcher open = OPEN.matcher(line);
        assertThat(open.matches()).as(line).isTrue();
        base[0] = open.group(1);
        return process;
    }

    @Test
    void aMovedActivityKeepsItsRaisedSequenceAcrossARestartFromTheHistoryBesideTheProgram() throws Exception {
        Path program = dir.resolve("programme.json");
        Files.writeString(program, PROGRAM.formatted("19:30"));
        String[] base = new String[1];
        Process first = serve(program, base);
        String moved;
        try {
            assertThat(activityIcs(base[0])).contains("SEQUENCE:0\r\n", "DTSTAMP:20211101T000000Z\r\n");
            // Moved half an hour later, the revision left as it was.
            Files.writeString(program, PROGRAM.formatted("20:00"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String ics = activityIcs(base[0]);
            while (!ics.contains("DTSTART;TZID=America/Blanc-Sablon:20211108T200000") && System.nanoTime() < deadline) {
                Thread.sleep(100);
                ics = activityIcs(base[0]);
            }
            assertThat(ics).contains("DTSTART;TZID=America/Blanc-Sablon:20211108T200000", "SEQUENCE:1\r\n")
                    .doesNotContain("DTSTAMP:20211101T000000Z");
            moved = ics;
            assertThat(Files.readString(dir.resolve("programme.json.ical-history")))
                    .contains("blanc-sablon-2021\t1\t");
        } finally {
            first.destroy();
            first.waitFor(20, TimeUnit.SECONDS);
            first.destroyForcibly();
        }
        Process second = serve(program, base);
        try {
            // After the restart: the same version, the same bytes.
            assertThat(activityIcs(base[0])).isEqualTo(moved);
        } finally {
            second.destroy();
            second.waitFor(20, TimeUnit.SECONDS);
            second.destroyForcibly();
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
        process.destroyForcibly();
    }

    /** The form sent back with only its token (and the cookie it is bound to): its status code. */
    private static int sendForm(String base, String cookie, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "submit/"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + java.net.URLEncoder.encode(token,
                        StandardCharsets.UTF_8))).timeout(Duration.ofMinutes(1)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aFormGivenBeforeARestartIsStillTakenAfterIt() throws Exception {
        // The form's signing key is kept in the database, as every server on it must share it: a form opened before
        // a restart (or got from another server behind the same load balancer) is not refused as forged.
        String data = dir.resolve("data").toString();
        String[] base = new String[1];
        Process first = serve(base, "--data", data);
        String cookie;
        String token;
        try {
            HttpResponse<String> form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base[0] + "submit/")).timeout(Duration.ofMinutes(1)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(form.statusCode()).isEqualTo(200);
            cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(csrf.find()).as("the form's token").isTrue();
            token = csrf.group(1);
        } finally {
            stop(first);
        }
        Process second = serve(base, "--data", data);
        try {
            // 422: the token was taken, and the empty form's problems are shown; a forged token is still refused.
            assertThat(sendForm(base[0], cookie, token)).isEqualTo(422);
            String forged = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
            assertThat(sendForm(base[0], cookie, forged)).isEqualTo(403);
        } finally {
            stop(second);
        }
    }

    @Test
    void refusesToServeAnInvalidProgramAndSaysWhy() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{ \"formatVersion\": 1, \"editions\": [ }");

        Process process = jqsi("serve", "--lang", "fr", "--port", "0", "--program", broken.toString()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(err).contains("ne peut pas être servi").contains("broken.json:1:").doesNotContain("\tat ")
                .doesNotContain("Unexpected");
    }
}
