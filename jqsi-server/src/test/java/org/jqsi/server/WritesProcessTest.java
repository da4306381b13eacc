package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.sample.GeneratedProgram;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.files.LockedFile;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that write files as separate processes, the way people run them: two imports into one file at once,
 * a file held by another process, and writers killed with {@code kill -9} ({@link Process#destroyForcibly()}) half-way
 * through. No assertion on time: every wait is bounded generously against a hang only.
 */
class WritesProcessTest {

    /** Against a hang only: JVMs start slowly on a loaded machine, never this slowly. */
    private static final long BOUND_MINUTES = 5;

    @TempDir
    Path dir;

    private static ProcessBuilder java(String mainClass, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Short runs: the quick compiler alone and the serial collector start sooner and leave more of a shared CPU
        // to the other process; nothing here depends on either.
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("LC_") || name.equals("LANG"));
        return builder;
    }

    private static ProcessBuilder jqsi(String... args) {
        return java("org.jqsi.server.Main", args);
    }

    private ProcessBuilder importInto(Path program, Path feed, String partner, String... more) {
        List<String> args = new ArrayList<>(List.of("import-ics", "--lang", "fr", "--edition", "jqsi-2021",
                "--partner", partner, "--region", "04", feed.toString(), "--into", program.toString()));
        args.addAll(List.of(more));
        return jqsi(args.toArray(String[]::new));
    }

    private static int finish(Process process) throws Exception {
        if (!process.waitFor(3 * BOUND_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + BOUND_MINUTES + " minutes");
        }
        return process.exitValue();
    }

    /** The temporary files of a target in its directory: {@code .programme.json.jqsi-<pid>-<random>.tmp}. */
    private List<Path> temporaryFiles(Path target) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            String prefix = "." + target.getFileName() + ".jqsi-";
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** Waits for a line in a file that a process writes (its error output), up to the bound. */
    private static String awaitText(Path log, String text, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(BOUND_MINUTES);
        String seen = "";
        while (System.nanoTime() < deadline) {
            seen = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (seen.contains(text)) {
                return seen;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never said \"" + text + "\"; said: " + seen);
    }

    /**
     * The fault of the issue (one of two runs' activities lost, 3 tries of 3), three times. Each run waits as long as
     * the other takes: on a loaded machine, reading, merging and writing a few thousand activities has taken more
     * than the default two minutes' wait, which is not what this test is about.
     */
    @Test
    void twoImportsIntoOneFileAtTheSameTimeBothLand() throws Exception {
        Path quiz = Files.writeString(dir.resolve("p1.ics"), FileWritesTest.feed("Quiz", 3));
        Path concert = Files.writeString(dir.resolve("p2.ics"), FileWritesTest.feed("Concert", 4));
        int waited = 0;
        for (int round = 0; round < 3; round++) {
            // Large enough for the two runs' reading and writing to overlap: some thousand activities, compact.
            Path program = Files.write(dir.resolve("programme.json"),
                    ProgramWriter.forWeb().toBytes(GeneratedProgram.of(1_500, round)));
            Path quizLog = dir.resolve("quiz-" + round + ".txt");
            Path concertLog = dir.resolve("concert-" + round + ".txt");

            Process first = importInto(program, quiz, "p1", "--lock-wait", "900").redirectErrorStream(true)
                    .redirectOutput(quizLog.toFile()).start();
            Process second = importInto(program, concert, "p2", "--lock-wait", "900").redirectErrorStream(true)
                    .redirectOutput(concertLog.toFile()).start();

            assertThat(finish(first)).as(Files.readString(quizLog)).isZero();
            assertThat(finish(second)).as(Files.readString(concertLog)).isZero();
            assertThat(FileWritesTest.titles(program)).hasSize(1_507)
                    .contains("Quiz 1", "Quiz 2", "Quiz 3", "Concert 1", "Concert 2", "Concert 3", "Concert 4");
            assertThat(new String(Files.readAllBytes(program), StandardCharsets.UTF_8)).doesNotContain("\n");
            assertThat(temporaryFiles(program)).isEmpty();
            if ((Files.readString(quizLog) + Files.readString(concertLog)).contains("attente de 900 s au plus")) {
                waited++;
            }
        }
        // A figure for the record, not an assertion: whether the runs overlapped depends on the machine.
        System.out.println("two imports at once: one waited for the other in " + waited + " of 3 rounds");
    }

    @Test
    void aSecondImportWaitsForTheWriterThatHoldsTheFileThenMergesIntoWhatItWrote() throws Exception {
        Path program = Files.write(dir.resolve("programme.json"), ProgramWriter.forFiles().toBytes(SampleProgram.data()));
        Path concert = Files.writeString(dir.resolve("ceci.ics"), FileWritesTest.feed("Concert", 2));
        Path log = dir.resolve("import.txt");
        String pid = Long.toString(ProcessHandle.current().pid());
        Process waiting;

        try (LockedFile held = LockedFile.lock(program)) {
            waiting = importInto(program, concert, "ceci", "--lock-wait", "300").redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            String said = awaitText(log, "attente de 300 s au plus", waiting);
            assertThat(said).contains("jqsi import-ics : " + program.toRealPath() + " est en cours d'écriture par un "
                    + "autre jqsi (pid " + pid + ", d'après .programme.json.lock) ; attente de 300 s au plus…");
            // What the holder writes while the second run waits: an activity more.
            List<Activity> activities = new ArrayList<>(SampleProgram.activities());
            activities.add(SampleProgram.shortFilms().toBuilder().id("ajout-du-premier-2020")
                    .title(LocalizedText.fr("Ajout du premier")).build());
            ProgramData changed = new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities);
            held.replace(out -> ProgramWriter.forFiles().write(changed, out));
        }

        assertThat(finish(waiting)).as(Files.readString(log)).isZero();
        assertThat(FileWritesTest.titles(program)).contains("Ajout du premier", "Concert 1", "Concert 2")
                .hasSize(SampleProgram.activities().size() + 3);
    }

    @Test
    void aFileHeldLongerThanTheWaitIsRefusedNamingTheProcessThatHoldsIt() throws Exception {
        Path program = Files.write(dir.resolve("programme.json"), ProgramWriter.forFiles().toBytes(SampleProgram.data()));
        byte[] before = Files.readAllBytes(program);
        Path concert = Files.writeString(dir.resolve("ceci.ics"), FileWritesTest.feed("Concert", 2));
        String pid = Long.toString(ProcessHandle.current().pid());
        Process refused;
        Path log = dir.resolve("import.txt");

        try (LockedFile held = LockedFile.lock(program)) {
            refused = importInto(program, concert, "ceci", "--lock-wait", "1").redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            assertThat(finish(refused)).isEqualTo(1);
        }

        assertThat(Files.readString(log)).endsWith("jqsi import-ics : " + program.toRealPath() + " est en cours "
                + "d'écriture par un autre jqsi (pid " + pid + ", d'après .programme.json.lock), qui n'a pas fini "
                + "après 1 s d'attente : rien n'a été écrit ; réessayez quand il aura fini\n");
        assertThat(Files.readAllBytes(program)).isEqualTo(before);
    }

    @Test
    void aWriterKilledHalfWayLeavesTheOldFileWholeAndTheNextRunRemovesWhatItLeft() throws Exception {
        Path program = Files.write(dir.resolve("programme.json"), ProgramWriter.forFiles().toBytes(SampleProgram.data()));
        byte[] before = Files.readAllBytes(program);
        Process writer = java(HalfWrittenFile.class.getName(), program.toString()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo(HalfWrittenFile.HALF);
        }
        List<Path> half = temporaryFiles(program);
        assertThat(half).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).startsWith(".programme.json.jqsi-" + writer.pid() + "-");
            assertThat(Files.size(file)).isGreaterThan(4L * 1024 * 1024);
        });

        writer.destroyForcibly(); // kill -9
        assertThat(writer.waitFor(BOUND_MINUTES, TimeUnit.MINUTES)).isTrue();

        assertThat(Files.readAllBytes(program)).isEqualTo(before);
        assertThat(temporaryFiles(program)).isEqualTo(half);

        Path log = dir.resolve("export.txt");
        Process next = jqsi("export", "--lang", "fr", "--format", "json", "--edition", "jqsi-2020",
                program.toString(), "-o", program.toString()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        assertThat(finish(next)).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).isEqualTo("jqsi export : " + dir.toRealPath().resolve(half.get(0)
                .getFileName()) + " : fichier temporaire laissé par une écriture interrompue, "
                + "supprimé\n");
        assertThat(temporaryFiles(program)).isEmpty();
        assertThat(FileWritesTest.titles(program)).hasSize((int) SampleProgram.activities().stream()
                .filter(a -> a.editionId().equals(SampleProgram.EDITION_2020)).count());
    }

    /**
     * The real command, killed while it writes a large export: where the kill lands is up to the machine, so each
     * round checks what must hold wherever it lands (the target is the old file or the new one, whole), and the
     * leftovers of the rounds that were killed mid-write are removed by the next run.
     */
    @Test
    void anExportKilledWhileItWritesLeavesTheOldFileOrTheNewOneNeverACutOne() throws Exception {
        Path source = Files.write(dir.resolve("source.json"),
                ProgramWriter.forWeb().toBytes(GeneratedProgram.of(8_000, 11)));
        byte[] old = ProgramWriter.forFiles().toBytes(SampleProgram.data());
        Path target = dir.resolve("export.json");
        Path reference = dir.resolve("reference.json");
        Run expected = CommandLineTest.jqsi("export", "--format", "json", source.toString(), "-o",
                reference.toString());
        assertThat(expected.status()).as(expected.err()).isZero();
        byte[] whole = Files.readAllBytes(reference);
        int killedMidWrite = 0;

        for (int round = 0; round < 3; round++) {
            Files.write(target, old);
            List<Path> before = temporaryFiles(target);
            Path log = dir.resolve("export-" + round + ".txt");
            Process export = jqsi("export", "--lang", "fr", "--format", "json", source.toString(), "-o",
                    target.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(BOUND_MINUTES);
            Optional<Path> writing = Optional.empty();
            while (export.isAlive() && writing.isEmpty() && System.nanoTime() < deadline) {
                writing = temporaryFiles(target).stream()
                        .filter(f -> f.getFileName().toString().contains(".jqsi-" + export.pid() + "-"))
                        .filter(f -> f.toFile().length() > 0).findFirst();
                Thread.sleep(1);
            }
            export.destroyForcibly(); // kill -9, if it is still running
            assertThat(export.waitFor(BOUND_MINUTES, TimeUnit.MINUTES)).isTrue();

            byte[] after = Files.readAllBytes(target);
            assertThat(Arrays.equals(after, old) || Arrays.equals(after, whole))
                    .as("round %d: %d bytes, neither the old file (%d) nor the new one (%d)", round, after.length,
                            old.length, whole.length)
                    .isTrue();
            if (writing.isPresent()) {
                // It had the lock, so it removed what the previous round left.
                killedMidWrite++;
                assertThat(Files.readString(log).lines().filter(l -> l.contains("écriture interrompue, supprimé")))
                        .hasSize(before.size());
            }
            assertThat(temporaryFiles(target)).allMatch(f -> f.getFileName().toString().contains(".jqsi-"
                    + export.pid() + "-") || before.contains(f));
        }

        List<Path> left = temporaryFiles(target);
        Run next = CommandLineTest.jqsi("export", "--format", "json", source.toString(), "-o", target.toString());
        assertThat(next.status()).as(next.err()).isZero();
        assertThat(next.err().lines().filter(l -> l.contains("écriture interrompue, supprimé"))).hasSize(left.size());
        assertThat(temporaryFiles(target)).isEmpty();
        assertThat(Files.readAllBytes(target)).isEqualTo(whole);
        System.out.println("export of " + whole.length + " bytes killed mid-write in " + killedMidWrite + " of 3 "
                + "rounds; the target was always whole; " + left.size() + " leftover(s) removed by the next run");
    }
}
