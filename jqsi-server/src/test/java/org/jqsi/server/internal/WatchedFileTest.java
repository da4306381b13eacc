package org.jqsi.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchedFileTest {

    /** Bounds that only catch a hang, never a slow machine. */
    private static final Duration HANG = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    /** A clock of the quiet period that the test moves. */
    private final AtomicLong now = new AtomicLong();

    private WatchedFile watched(Path file) {
        return new WatchedFile(file, new ProgramReader(), ChangingSource.MAX_PROGRAM_BYTES, now::get);
    }

    private void wait(Duration time) {
        now.addAndGet(time.toNanos());
    }

    /** The sample with its first and last activities titled {@code first} and {@code last}. */
    static String program(String first, String last) throws Exception {
        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        activities.set(0, activities.get(0).toBuilder().title(LocalizedText.fr(first)).build());
        int end = activities.size() - 1;
        activities.set(end, activities.get(end).toBuilder().title(LocalizedText.fr(last)).build());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ProgramWriter.forFiles().write(new ProgramData(SampleProgram.editions(), SampleProgram.partners(),
                activities), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static String firstAndLast(ProgramData data) {
        List<Activity> activities = data.activities();
        return activities.get(0).title().fr() + " / " + activities.get(activities.size() - 1).title().fr();
    }

    @Test
    void aFileOverTheLimitIsRefusedWithoutBeingRead() throws Exception {
        Path file = dir.resolve("program.json");
        // Sparse: 65 MiB that cost no disk and would take seconds and the memory of a huge program to parse.
        try (RandomAccessFile huge = new RandomAccessFile(file.toFile(), "rw")) {
            huge.setLength(ChangingSource.MAX_PROGRAM_BYTES + 1024 * 1024);
        }
        WatchedFile watched = new WatchedFile(file, new ProgramReader());

        // The message shows the size was checked; the bound only catches a hang (parsing 65 MiB of zeros would
        // take no longer than a loaded machine may take to stat the file, so no time tells the two apart).
        ProgramLoadException e = assertTimeoutPreemptively(Duration.ofMinutes(5),
                () -> catchThrowableOfType(ProgramLoadException.class, watched::read));

        assertThat(e).isNotNull();
        assertThat(e.report().format(Language.EN)).contains(file.toString())
                .contains("the file is 68157440 bytes, larger than the limit of 64 MiB");
        assertThat(e.report().format(Language.FR)).contains("plus que la limite de 64 Mio");
    }

    @Test
    void aFileUnderTheLimitIsReadAndAChangeInPlaceIsSeenOnceStill() throws Exception {
        Path file = dir.resolve("program.json");
        ProgramWriter.forFiles().write(ProgramFileSource.sample().read(), file);
        WatchedFile watched = watched(file);

        assertThat(watched.read().activities()).isNotEmpty();
        assertThat(watched.hasChanged()).isFalse();
        try (RandomAccessFile grown = new RandomAccessFile(file.toFile(), "rw")) {
            grown.setLength(ChangingSource.MAX_PROGRAM_BYTES + 1);
        }
        // Changed in place: not read while it may still be being written.
        assertThat(watched.hasChanged()).isFalse();
        wait(WatchedFile.QUIET_PERIOD.minusMillis(1));
        assertThat(watched.hasChanged()).isFalse();
        wait(Duration.ofMillis(1));
        assertThat(watched.hasChanged()).isTrue();
        assertThat(catchThrowableOfType(ProgramLoadException.class, watched::read)).isNotNull();
        assertThat(watched.hasChanged()).isFalse();
    }

    @Test
    void aChangeInPlaceRestartsTheQuietPeriod() throws Exception {
        Path file = dir.resolve("program.json");
        Files.writeString(file, program("Début A", "Fin A"));
        WatchedFile watched = watched(file);
        watched.read();

        Files.writeString(file, program("Début B", "Fin B"));
        assertThat(watched.hasChanged()).isFalse();
        wait(Duration.ofSeconds(2));
        Files.writeString(file, program("Début C", "Fin C") + " ");
        assertThat(watched.hasChanged()).as("changed again: the quiet period starts again").isFalse();
        wait(Duration.ofSeconds(2));
        assertThat(watched.hasChanged()).isFalse();
        wait(Duration.ofSeconds(1));
        assertThat(watched.hasChanged()).isTrue();
        assertThat(firstAndLast(watched.read())).isEqualTo("Début C / Fin C");
    }

    /** Issue 22 item 4: {@code open} of a FIFO blocks until a writer comes, for ever if none does. */
    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("program.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        WatchedFile watched = watched(fifo);

        ProgramLoadException e = assertTimeoutPreemptively(HANG,
                () -> catchThrowableOfType(ProgramLoadException.class, watched::read));

        assertThat(e).isNotNull();
        assertThat(e.report().format(Language.EN)).contains(fifo.toString())
                .contains("this is not a regular file but a named pipe (FIFO)");
        assertThat(e.report().format(Language.FR)).contains("ce n'est pas un fichier ordinaire mais un tube nommé");
        // Checked again without being opened either.
        assertThat(assertTimeoutPreemptively(HANG, watched::hasChanged)).isFalse();

        // Replaced by a regular file: read at once, as any file renamed into place.
        Path next = dir.resolve("next.json");
        Files.writeString(next, program("Début A", "Fin A"));
        Files.move(next, fifo, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(watched.hasChanged()).isTrue();
        assertThat(firstAndLast(watched.read())).isEqualTo("Début A / Fin A");
    }

    @Test
    void aDirectoryIsRefusedAsOne() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("program.json"));

        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class, watched(directory)::read);

        assertThat(e.report().format(Language.EN)).contains("this is not a regular file but a directory");
    }

    /**
     * Issue 22 item 5: a version refused, then made readable by {@code chmod}, which changes neither its size nor its
     * modification time. Root reads any file, so as root the permissions cannot refuse it: see the next test.
     */
    @Test
    void aVersionRefusedAsUnreadableIsRetriedOnceMadeReadable() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root reads unreadable files");
        Path file = dir.resolve("program.json");
        Files.writeString(file, program("Début A", "Fin A"));
        WatchedFile watched = watched(file);
        watched.read();
        Path next = dir.resolve("next.json");
        Files.writeString(next, program("Début B", "Fin B"));
        Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("---------"));
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(watched.hasChanged()).isTrue();
        assertThat(catchThrowableOfType(ProgramLoadException.class, watched::read)).isNotNull();
        assertThat(watched.hasChanged()).isFalse();

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(watched.hasChanged()).isFalse();
        wait(WatchedFile.QUIET_PERIOD);
        assertThat(watched.hasChanged()).isTrue();
        assertThat(firstAndLast(watched.read())).isEqualTo("Début B / Fin B");
    }

    /**
     * Issue 22 item 5, in a form root meets too: a version refused, then corrected in place with its size and
     * modification time kept (as {@code cp -p} or {@code rsync --inplace -t} do); only its change time (ctime), which no
     * program can set, says so. {@code chmod} changes the ctime in the same way.
     */
    @Test
    void aRefusedVersionIsRetriedOnAChangeThatKeepsItsSizeAndTime() throws Exception {
        Path file = dir.resolve("program.json");
        String good = program("Début A", "Fin A");
        // The same length, not JSON.
        Files.writeString(file, "[" + good.substring(1));
        FileTime time = Files.getLastModifiedTime(file);
        WatchedFile watched = watched(file);
        assertThat(catchThrowableOfType(ProgramLoadException.class, watched::read)).isNotNull();
        assertThat(watched.hasChanged()).isFalse();
        // The ctime's clock ticks coarsely: let it move on before the correction.
        Thread.sleep(50);

        try (RandomAccessFile inPlace = new RandomAccessFile(file.toFile(), "rw")) {
            inPlace.write(good.getBytes(StandardCharsets.UTF_8));
        }
        Files.setLastModifiedTime(file, time);
        assertThat(Files.size(file)).isEqualTo(good.getBytes(StandardCharsets.UTF_8).length);

        assertThat(watched.hasChanged()).isFalse();
        wait(WatchedFile.QUIET_PERIOD);
        assertThat(watched.hasChanged()).isTrue();
        assertThat(firstAndLast(watched.read())).isEqualTo("Début A / Fin A");
    }

    /**
     * A file system whose change time ticks coarsely: a version written over another within one tick, keeping its
     * size and modification time, on the same inode, has the very same stamp. Here the change time stays at one
     * moment, an hour ahead, so that every read is recent enough for its stamp not to be trusted alone.
     */
    private WatchedFile onCoarseClock(Path file) {
        FileTime tick = FileTime.from(java.time.Instant.now().plus(Duration.ofHours(1)));
        return new WatchedFile(file, new ProgramReader(), ChangingSource.MAX_PROGRAM_BYTES, now::get, path -> {
            FileStamp real = FileStamp.of(path);
            return new FileStamp(real.key(), real.kind(), real.size(), real.modified(),
                    real.changed() == null ? null : tick, real.readable(), real.problem());
        });
    }

    private static void overwriteKeepingTime(Path file, String text) throws Exception {
        FileTime time = Files.getLastModifiedTime(file);
        try (RandomAccessFile inPlace = new RandomAccessFile(file.toFile(), "rw")) {
            inPlace.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Files.setLastModifiedTime(file, time);
    }

    @Test
    void aVersionWrittenWithinTheSameTickIsSeenByItsContent() throws Exception {
        Path file = dir.resolve("program.json");
        Files.writeString(file, program("Début A", "Fin A"));
        WatchedFile watched = onCoarseClock(file);
        assertThat(firstAndLast(watched.read())).isEqualTo("Début A / Fin A");
        assertThat(watched.hasChanged()).isFalse();

        overwriteKeepingTime(file, program("Début B", "Fin B"));

        assertThat(watched.hasChanged()).isTrue();
        assertThat(firstAndLast(watched.read())).isEqualTo("Début B / Fin B");
        assertThat(watched.hasChanged()).isFalse();
    }

    @Test
    void aRefusedVersionMendedWithinTheSameTickIsSeenByItsContent() throws Exception {
        Path file = dir.resolve("program.json");
        String good = program("Début A", "Fin A");
        // The same length, not JSON.
        Files.writeString(file, "[" + good.substring(1));
        WatchedFile watched = onCoarseClock(file);
        assertThat(catchThrowableOfType(ProgramLoadException.class, watched::read)).isNotNull();
        assertThat(watched.hasChanged()).isFalse();

        overwriteKeepingTime(file, good);

        assertThat(watched.hasChanged()).isTrue();
        assertThat(firstAndLast(watched.read())).isEqualTo("Début A / Fin A");
    }

    @Test
    void chmodChangesTheStamp() throws Exception {
        Path file = Files.writeString(dir.resolve("program.json"), "{}");
        FileStamp before = FileStamp.of(file);
        Thread.sleep(50);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(FileStamp.of(file)).isNotEqualTo(before);
        assertThat(FileStamp.of(file).sameFile(before)).isTrue();
    }

    /**
     * Issue 22 item 2: the limit holds on the bytes read. A writer appends to the file while it is read, much faster
     * than it can be parsed; the size checked before reading was under the limit.
     */
    @Test
    void aFileThatGrowsPastTheLimitWhileItIsReadIsRefusedThere() throws Exception {
        long limit = 2 * 1024 * 1024;
        String whole = program("Début A", "Fin A");
        String head = whole.substring(0, whole.indexOf('[', whole.indexOf("\"activities\"")) + 1);
        String activity = new com.fasterxml.jackson.databind.ObjectMapper().readTree(whole).get("activities").get(0)
                .toString();
        // Half the limit already there, which takes longer to parse than the writer takes to start.
        StringBuilder start = new StringBuilder(head);
        for (int n = 0; start.length() < limit / 2; n++) {
            start.append(activity.replaceFirst("\"id\":\"", "\"id\":\"y" + n + "-")).append(",\n");
        }
        Path file = dir.resolve("program.json");
        for (int attempt = 1; ; attempt++) {
            Files.writeString(file, start);
            WatchedFile watched = new WatchedFile(file, new ProgramReader(), limit, now::get);
            Thread writer = new Thread(() -> grow(file, activity, 8 * limit));
            writer.start();
            ProgramLoadException e = assertTimeoutPreemptively(HANG,
                    () -> catchThrowableOfType(ProgramLoadException.class, watched::read));
            writer.join(HANG.toMillis());
            assertThat(e).as("a program of %d bytes read with a limit of %d", Files.size(file), limit).isNotNull();
            String said = e.report().format(Language.EN);
            if (said.contains("grew past the limit of 2 MiB while it was being read")) {
                assertThat(e.report().format(Language.FR)).contains("a dépassé la limite de 2 Mio pendant sa lecture");
                return;
            }
            // The writer was too slow or too fast for this try (the end of the file reached, or the file already too
            // large when its size was checked): both refused too, as they should be; try again.
            assertThat(said).containsAnyOf("larger than the limit", "end", "changed while");
            assertThat(attempt).as("tries without catching the file growing: " + said).isLessThan(10);
            Files.delete(file);
        }
    }

    /** Appends activities (each with an id of its own) to {@code file} until it has {@code size} bytes, then ends it. */
    private static void grow(Path file, String activity, long size) {
        String id = "\"id\":\"";
        try (var out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
            int n = 0;
            for (long written = 0; written < size; ) {
                StringBuilder block = new StringBuilder();
                while (block.length() < 256 * 1024) {
                    block.append(activity.replaceFirst(id, id + "x" + n++ + "-")).append(",\n");
                }
                byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
                out.write(bytes);
                written += bytes.length;
            }
            out.write((activity.replaceFirst(id, id + "last-") + "]}").getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Issue 22 item 1: a file overwritten in place in two halves two seconds apart, by a process of its own, while the
     * server checks it every 100 ms: every version loaded is one that the file held whole (the old or the new), never
     * the new first half with the old second half; the new version is loaded once the file is still.
     */
    @Test
    void aFileWrittenInPlaceInTwoHalvesIsNeverLoadedHalfAndHalf() throws Exception {
        Path file = dir.resolve("program.json");
        String old = program("Début A", "Fin A");
        String next = program("Début B", "Fin B");
        assertThat(next.length()).isEqualTo(old.length());
        Files.writeString(file, old);
        Path nextFile = Files.writeString(dir.resolve("next.json"), next);
        ProgramValidator validator = new ProgramValidator();
        WatchedFile watched = new WatchedFile(file, new ProgramReader(validator));
        CurrentProgram current = CurrentProgram.load(watched, validator, Clock.systemUTC());
        List<String> loaded = new ArrayList<>(List.of(firstAndLast(current.get().data())));

        Process writer = InPlaceWriter.start(nextFile, file, Duration.ofSeconds(2));
        long deadline = System.nanoTime() + HANG.toNanos();
        while (System.nanoTime() < deadline) {
            if (watched.hasChanged() && current.reload().applied()) {
                loaded.add(firstAndLast(current.get().data()));
            }
            if (!writer.isAlive() && loaded.get(loaded.size() - 1).equals("Début B / Fin B")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(writer.waitFor(HANG.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Duration gap = InPlaceWriter.gap(writer);
        // Only a writer slower than the quiet period between its halves can be mistaken for two writes; then this run
        // shows nothing.
        Assumptions.assumeTrue(gap.compareTo(WatchedFile.QUIET_PERIOD) < 0, "the writer took " + gap);

        assertThat(loaded).containsExactly("Début A / Fin A", "Début B / Fin B");
    }
}
