package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.sample.GeneratedProgram;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.files.LockedFile;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands that write files ({@code import-ics --into}, {@code export -o}), run in this JVM: the file keeps its
 * permissions, its symbolic link and its layout, and a file held by another writer is waited for, then refused.
 * {@link WritesProcessTest} runs them as separate processes, at once and killed.
 */
class FileWritesTest {

    @TempDir
    Path dir;

    private static final ProgramReader READER = new ProgramReader();

    /** A feed of {@code count} events of a partner, in November 2021, with titles "{prefix} n". */
    static String feed(String prefix, int count) {
        StringBuilder feed = new StringBuilder("BEGIN:VCALENDAR\r\nPRODID:-//test//EN\r\nVERSION:2.0\r\n");
        for (int i = 1; i <= count; i++) {
            feed.append("BEGIN:VEVENT\r\nDTSTART;TZID=America/Toronto:202111").append(10 + i % 15)
                    .append("T190000\r\nDTEND;TZID=America/Toronto:202111").append(10 + i % 15)
                    .append("T210000\r\nDTSTAMP:20211020T120000Z\r\nUID:").append(prefix).append('-').append(i)
                    .append("@test.example\r\nSUMMARY:").append(prefix).append(' ').append(i)
                    .append("\r\nEND:VEVENT\r\n");
        }
        return feed.append("END:VCALENDAR\r\n").toString();
    }

    /** The French titles of a program file's activities. */
    static List<String> titles(Path program) throws Exception {
        return READER.read(program).activities().stream().map(a -> a.title().fr()).toList();
    }

    /** {@code import-ics} of a feed into a program, in French unless {@code more} says {@code --lang}. */
    private Run importInto(Path program, Path feed, String partner, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("import-ics", "--edition", "jqsi-2021",
                "--partner", partner, "--region", "04", feed.toString(), "--into", program.toString()));
        args.addAll(List.of(more));
        return CommandLineTest.jqsi(args.toArray(String[]::new));
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----"})
    void importKeepsTheProgramFilesPermissions(String permissions) throws Exception {
        Path program = Files.write(dir.resolve("programme.json"), ProgramWriter.forFiles().toBytes(SampleProgram.data()));
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString(permissions));
        Path feed = Files.writeString(dir.resolve("cs3r.ics"), feed("Quiz", 2));

        Run run = importInto(program, feed, "cs3r");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(titles(program)).contains("Quiz 1", "Quiz 2");
        assertThat(mode(program)).isEqualTo(permissions);
        assertThat(names()).containsExactly(".programme.json.lock", "cs3r.ics", "programme.json");
    }

    @Test
    void importWritesThroughASymbolicLinkWhichStaysALink() throws Exception {
        Path real = Files.createDirectory(dir.resolve("2021")).resolve("programme.json");
        Files.write(real, ProgramWriter.forFiles().toBytes(SampleProgram.data()));
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("programme.json"), Path.of("2021/programme.json"));
        Path feed = Files.writeString(dir.resolve("cs3r.ics"), feed("Quiz", 2));

        Run run = importInto(link, feed, "cs3r");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("2021/programme.json"));
        assertThat(titles(real)).contains("Quiz 1", "Quiz 2");
        assertThat(mode(real)).isEqualTo("rw-r-----");
    }

    /**
     * What the issue saw: a 41 MB program on one line came back as a 68 MB indented one, over the server's limit.
     * The same, smaller: a compact file stays compact, a few hundred bytes larger for the two activities added.
     */
    @Test
    void aCompactProgramStaysCompactAndAnIndentedOneIndented() throws Exception {
        ProgramData program = GeneratedProgram.of(3_000, 7);
        byte[] compact = ProgramWriter.forWeb().toBytes(program);
        Path compactFile = Files.write(dir.resolve("compact.json"), compact);
        Path indentedFile = Files.write(dir.resolve("indented.json"),
                ProgramWriter.inStyle(new org.jqsi.json.ProgramFileStyle(true, "\t", "\n", true)).toBytes(program));
        long indentedSize = Files.size(indentedFile);
        Path feed = Files.writeString(dir.resolve("p1.ics"), feed("Quiz", 2));

        Run compactRun = importInto(compactFile, feed, "p1");
        Run indentedRun = importInto(indentedFile, feed, "p1");

        assertThat(compactRun.status()).as(compactRun.err()).isZero();
        assertThat(indentedRun.status()).as(indentedRun.err()).isZero();
        byte[] after = Files.readAllBytes(compactFile);
        assertThat((long) after.length).isBetween((long) compact.length, compact.length + 2_000L);
        assertThat(new String(after, StandardCharsets.UTF_8)).doesNotContain("\n");
        long indentedAfter = Files.size(indentedFile);
        assertThat(indentedAfter).isBetween(indentedSize, indentedSize + 2_000L);
        assertThat(Files.readAllLines(indentedFile).get(1)).startsWith("\t\"");
        assertThat(titles(compactFile)).contains("Quiz 1", "Quiz 2").hasSize(3_002);
    }

    @Test
    void aFileHeldByAnotherWriterIsWaitedForThenRefusedInTheRunsLanguageAndLeftAsItWas() throws Exception {
        Path program = Files.write(dir.resolve("programme.json"), ProgramWriter.forFiles().toBytes(SampleProgram.data()));
        byte[] before = Files.readAllBytes(program);
        Path feed = Files.writeString(dir.resolve("cs3r.ics"), feed("Quiz", 2));
        String pid = Long.toString(ProcessHandle.current().pid());

        Run french;
        Run english;
        Run export;
        try (LockedFile held = LockedFile.lock(program)) {
            french = importInto(program, feed, "cs3r", "--lock-wait", "0.2");
            english = importInto(program, feed, "cs3r", "--lock-wait", "0", "--lang", "en");
            export = CommandLineTest.jqsi("export", "--lang", "en", "--format", "json", "--lock-wait", "0.1",
                    program.toString(), "-o", program.toString());
        }

        assertThat(french.status()).isEqualTo(1);
        assertThat(french.err()).isEqualTo(
                "jqsi import-ics : " + program.toRealPath() + " est en cours d'écriture par ce même processus (pid "
                + pid + "), qui l'écrit déjà ; attente de 0,2 s au plus…\n"
                + "jqsi import-ics : " + program.toRealPath() + " est en cours d'écriture par ce même processus (pid " + pid
                + "), qui l'écrit déjà, qui n'a pas fini après 0,2 s d'attente : rien n'a été écrit ; réessayez quand "
                + "il aura fini\n");
        assertThat(english.status()).isEqualTo(1);
        assertThat(english.err()).endsWith("jqsi import-ics: " + program.toRealPath() + " is being written by this same "
                + "process (pid " + pid + "), which is already writing it, which had not finished after a wait of "
                + "0 s: nothing was written; try again once it is done\n");
        assertThat(export.status()).isEqualTo(1);
        assertThat(export.err()).contains("nothing was written");
        assertThat(Files.readAllBytes(program)).isEqualTo(before);
        // Once released, the same import goes through.
        assertThat(importInto(program, feed, "cs3r", "--lock-wait", "0").status()).isZero();
    }

    @Test
    void aLockWaitThatIsNotANumberOfSecondsIsBadUsage() throws Exception {
        Path program = Files.write(dir.resolve("programme.json"), ProgramWriter.forFiles().toBytes(SampleProgram.data()));
        Path feed = Files.writeString(dir.resolve("cs3r.ics"), feed("Quiz", 2));

        Run negative = importInto(program, feed, "cs3r", "--lock-wait", "-1");
        Run words = CommandLineTest.jqsi("export", "--lang", "en", "--format", "ics", "--lock-wait", "long",
                program.toString(), "-o", dir.resolve("x.ics").toString());

        assertThat(negative.status()).isEqualTo(2);
        assertThat(negative.err()).contains("valeur invalide pour --lock-wait : « -1 »");
        assertThat(words.status()).isEqualTo(2);
        assertThat(words.err()).contains("invalid value for --lock-wait: \"long\"");
    }

    @Test
    void exportOverAFileKeepsItsPermissionsLinkAndLayoutAndRemovesLeftoversOfAKilledRun() throws Exception {
        Path program = Files.write(dir.resolve("programme.json"), ProgramWriter.forFiles().toBytes(SampleProgram.data()));
        Path real = Files.write(dir.resolve("public-2021.json"), ProgramWriter.forWeb().toBytes(SampleProgram.data()));
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("public.json"), real.getFileName());
        Process ended = new ProcessBuilder("true").start();
        assertThat(ended.waitFor()).isZero();
        Path leftover = Files.writeString(dir.resolve(".public-2021.json.jqsi-" + ended.pid() + "-k3j5x9.tmp"),
                "{\"formatVersion\": 1, \"editions\": [");

        Run run = CommandLineTest.jqsi("export", "--lang", "fr", "--format", "json", "--edition", "jqsi-2021",
                program.toString(), "-o", link.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("jqsi export : " + dir.toRealPath().resolve(leftover.getFileName())
                + " : fichier temporaire laissé par une écriture interrompue, supprimé\n");
        assertThat(leftover).doesNotExist();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(mode(real)).isEqualTo("rw-r-----");
        byte[] written = Files.readAllBytes(real);
        assertThat(new String(written, StandardCharsets.UTF_8)).doesNotContain("\n");
        assertThat(READER.read(real).activities()).allMatch(a -> a.editionId().equals("jqsi-2021")).isNotEmpty();
        assertThat(names()).containsExactly(".public-2021.json.lock", "programme.json", "public-2021.json",
                "public.json");
    }

    @Test
    void importSheetKeepsACompactProgramCompactWithItsPermissionsAndWaitsForTheLockAsImportIcsDoes() throws Exception {
        Path program = Files.write(dir.resolve("programme.json"), ProgramWriter.forWeb().toBytes(SampleProgram.data()));
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rw-r-----"));
        Path sheet = dir.resolve("cs3r.csv");
        // The sample sheet lies beside the sample sources file (tests run in jqsi-server's directory).
        Files.copy(Path.of("sample", "sample-activities.csv"), sheet);
        String[] args = {"import-sheet", sheet.toString(), "--edition", "jqsi-2021", "--partner", "cs3r",
            "--region", "04", "--into", program.toString(), "--lock-wait", "0"};

        Run held;
        try (LockedFile holder = LockedFile.lock(program)) {
            held = CommandLineTest.jqsi(args);
        }
        Run run = CommandLineTest.jqsi(args);

        assertThat(held.status()).isEqualTo(1);
        assertThat(held.err()).contains("jqsi import-sheet : " + program.toRealPath() + " est en cours d'écriture")
                .contains("rien n'a été écrit");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(titles(program)).hasSize(SampleProgram.activities().size() + 5);
        assertThat(new String(Files.readAllBytes(program), StandardCharsets.UTF_8)).doesNotContain("\n");
        assertThat(mode(program)).isEqualTo("rw-r-----");
    }

    @Test
    void exportToANewFileGivesItThePermissionsOfAnyNewFile() throws Exception {
        Path program = Files.write(dir.resolve("programme.json"), ProgramWriter.forFiles().toBytes(SampleProgram.data()));
        Path plain = Files.createFile(dir.resolve("plain"));

        Run run = CommandLineTest.jqsi("export", "--format", "ics", program.toString(), "-o",
                dir.resolve("programme.ics").toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(mode(dir.resolve("programme.ics"))).isEqualTo(mode(plain));
        assertThat(Files.readString(dir.resolve("programme.ics"))).startsWith("BEGIN:VCALENDAR");
    }
}
