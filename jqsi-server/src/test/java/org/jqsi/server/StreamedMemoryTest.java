package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.sample.GeneratedProgram;
import org.jqsi.json.ProgramWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jqsi validate} and {@code jqsi export --format ics} of a program of 100,000 activities in a child JVM whose
 * heap ({@code -Xmx64m}) is far less than the program takes when it is held (163 MB for 100,000 activities,
 * {@code HeapOfProgram} in jqsi-bench): they read it one activity at a time, so their memory does not grow with it
 * (#22 item 7; a million activities in jqsi-bench's {@code stream.sh}). Nothing here times anything.
 */
class StreamedMemoryTest {

    private static final int ACTIVITIES = 100_000;
    private static final String HEAP = "-Xmx64m";

    @TempDir
    static Path dir;

    private static Path program;
    private static int dated;

    @BeforeAll
    static void writeProgram() throws IOException {
        program = dir.resolve("programme-100000.json");
        ProgramData header = GeneratedProgram.of(0, 2021L);
        AtomicInteger withDates = new AtomicInteger();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(program), 1 << 16);
                ProgramWriter.ProgramStream stream = ProgramWriter.forFiles().start(header.editions(),
                        header.partners(), out)) {
            GeneratedProgram.forEachActivity(ACTIVITIES, 2021L, activity -> {
                if (activity.schedule().isDated()) {
                    withDates.incrementAndGet();
                }
                try {
                    stream.write(activity);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        dated = withDates.get();
    }

    @Test
    void validateChecksAProgramLargerThanItsHeap() throws Exception {
        Result result = jqsi("validate", "--lang", "en", program.toString());

        assertThat(result.status()).as(result.output()).isZero();
        assertThat(result.output()).contains(program.toString()).contains("100000").doesNotContain("OutOfMemory");
    }

    @Test
    void exportWritesTheCalendarOfAProgramLargerThanItsHeap() throws Exception {
        Path ics = dir.resolve("programme.ics");

        Result result = jqsi("export", "--format", "ics", "--lang", "en", "-o", ics.toString(), program.toString());

        assertThat(result.status()).as(result.output()).isZero();
        long events;
        try (var lines = Files.lines(ics, StandardCharsets.UTF_8)) {
            events = lines.filter(line -> line.equals("BEGIN:VEVENT")).count();
        }
        assertThat(events).isEqualTo(dated);
        assertThat(Files.readString(ics)).endsWith("END:VCALENDAR\r\n");
    }

    record Result(int status, String output) {
    }

    private static Result jqsi(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, HEAP, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "org.jqsi.server.Main"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "jqsi", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // Generous: the machine may be shared; this is not a measure of time.
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("jqsi " + String.join(" ", args) + " did not end in 10 minutes");
        }
        return new Result(process.exitValue(), Files.readString(log));
    }
}
