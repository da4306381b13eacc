package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jqsi serve} as its own process, the way people run it: it starts, serves, and ends on SIGTERM. */
class ServeProcessTest {

    private static final Pattern OPEN = Pattern.compile("Open (http://localhost:\\d+/)");

    @TempDir
    Path dir;

    private static ProcessBuilder jqsi(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.jqsi.server.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @Test
    void servesTheSampleAndStopsCleanlyOnSigterm() throws Exception {
        Process process = jqsi("serve", "--lang", "en", "--port", "0", "--host", "127.0.0.1")
                .redirectError(dir.resolve("log.txt").toFile()).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            String second = out.readLine();
            assertThat(first).startsWith("jqsi is serving classpath resource").contains("7 activities");
            Matcher open = OPEN.matcher(second);
            assertThat(open.matches()).as(second).isTrue();

            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(open.group(1) + "healthz")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"serving\"");

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("ended after SIGTERM").isTrue();
            // 143 = 128 + SIGTERM: the JVM ended by the signal, through its shutdown hooks, without hanging.
            assertThat(process.exitValue()).isEqualTo(143);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void refusesToServeAnInvalidProgramAndSaysWhy() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{ \"formatVersion\": 1, \"editions\": [ }");

        Process process = jqsi("serve", "--lang", "fr", "--port", "0", "--program", broken.toString()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(err).contains("ne peut pas être servi").contains("broken.json:1:").doesNotContain("\tat ")
                .doesNotContain("Unexpected");
    }
}
