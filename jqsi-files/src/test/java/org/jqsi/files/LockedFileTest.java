package org.jqsi.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LockedFileTest {

    /** A bound against a hang only: a loaded machine may be slow, never this slow. */
    private static final Duration LONG = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private static void write(Path file, String text) throws IOException {
        LockedFile.replace(file, LONG, notice -> { }, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private List<String> dirNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw-------", "rwxr-xr-x", "r--r--r--"})
    void replacesTheFileAndKeepsItsPermissions(String permissions) throws Exception {
        Path file = dir.resolve("programme.json");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));

        write(file, "new");

        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(mode(file)).isEqualTo(permissions);
        // Only the lock file stays beside it.
        assertThat(dirNames()).containsExactly(".programme.json.lock", "programme.json");
    }

    @Test
    void aNewFileGetsThePermissionsOfAnyNewFileOfTheProcessNotThoseOfATemporaryFile() throws Exception {
        Path plain = Files.createFile(dir.resolve("made-by-the-process"));
        Path file = dir.resolve("programme.json");

        write(file, "new");

        assertThat(mode(file)).isEqualTo(mode(plain));
        assertThat(Files.readString(file)).isEqualTo("new");
    }

    @Test
    void keepsTheOwnerAndGroupWhereTheSystemAllowsIt() throws Exception {
        Path file = dir.resolve("programme.json");
        Files.writeString(file, "old");
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        UserPrincipalLookupService names = file.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = names.lookupPrincipalByName("4242");
        GroupPrincipal group = names.lookupPrincipalByGroupName("4343");
        try {
            view.setOwner(owner);
            view.setGroup(group);
        } catch (FileSystemException e) {
            assumeThat(e).as("only root gives files away").isNull();
        }

        write(file, "new");

        PosixFileAttributes after = Files.readAttributes(file, PosixFileAttributes.class);
        assertThat(after.owner()).isEqualTo(owner);
        assertThat(after.group()).isEqualTo(group);
        assertThat(Files.readString(file)).isEqualTo("new");
    }

    @Test
    void writesThroughSymbolicLinksWhichStayLinks() throws Exception {
        Path real = Files.createDirectory(dir.resolve("releases")).resolve("programme-2021.json");
        Files.writeString(real, "old");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("current.json"), Path.of("releases/programme-2021.json"));
        Path linkToLink = Files.createSymbolicLink(dir.resolve("programme.json"), Path.of("current.json"));

        try (LockedFile locked = LockedFile.lock(linkToLink)) {
            assertThat(locked.path()).isEqualTo(real.toRealPath());
            assertThat(locked.lockFile()).isEqualTo(real.toRealPath().resolveSibling(".programme-2021.json.lock"));
            locked.replace(out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        }

        assertThat(Files.isSymbolicLink(linkToLink)).isTrue();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("releases/programme-2021.json"));
        assertThat(Files.readString(real)).isEqualTo("new");
        assertThat(mode(real)).isEqualTo("rw-r-----");
    }

    @Test
    void aDanglingLinkGetsItsTargetMade() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("programme.json"), Path.of("programme-2022.json"));

        write(link, "new");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(dir.resolve("programme-2022.json"))).isEqualTo("new");
    }

    @Test
    void aFailedWriteLeavesTheFileAsItWasAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("programme.json");
        Files.writeString(file, "old");

        assertThatThrownBy(() -> LockedFile.replace(file, LONG, notice -> { }, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(dirNames()).containsExactly(".programme.json.lock", "programme.json");
    }

    @Test
    void contentMayCloseItsStream() throws Exception {
        Path file = dir.resolve("programme.json");
        LockedFile.replace(file, LONG, notice -> { }, out -> {
            out.write("new".getBytes(StandardCharsets.UTF_8));
            out.close();
        });
        assertThat(Files.readString(file)).isEqualTo("new");
    }

    @Test
    void aSecondWriterWaitsABoundedTimeThenRefusesSayingWhoHoldsTheFile() throws Exception {
        Path file = dir.resolve("programme.json");
        Files.writeString(file, "old");
        List<LocalizedText> notices = new CopyOnWriteArrayList<>();
        String pid = Long.toString(ProcessHandle.current().pid());

        try (LockedFile first = LockedFile.lock(file)) {
            CompletableFuture<LockedFile> second = CompletableFuture.supplyAsync(() -> {
                try {
                    return LockedFile.lock(file, Duration.ofMillis(200), notices::add);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThatThrownBy(() -> second.get(LONG.toMinutes(), TimeUnit.MINUTES))
                    .cause().cause().isInstanceOf(FileBusyException.class)
                    .satisfies(e -> {
                        FileBusyException busy = (FileBusyException) e;
                        assertThat(busy.file()).isEqualTo(file.toRealPath());
                        assertThat(busy.holder()).hasValue(ProcessHandle.current().pid());
                        assertThat(busy.waited()).isEqualTo(Duration.ofMillis(200));
                        assertThat(busy.problem().in(Language.FR)).isEqualTo(file.toRealPath()
                                + " est en cours d'écriture par ce même processus (pid " + pid + "), qui l'écrit "
                                + "déjà, qui n'a pas fini après 0,2 s d'attente : rien n'a été écrit ; réessayez "
                                + "quand il aura fini");
                        assertThat(busy.problem().in(Language.EN)).isEqualTo(file.toRealPath()
                                + " is being written by this same process (pid " + pid + "), which is already "
                                + "writing it, which had not finished after a wait of 0.2 s: nothing was written; "
                                + "try again once it is done");
                    });
        }
        assertThat(notices).singleElement().satisfies(notice -> assertThat(notice.in(Language.EN))
                .endsWith("; waiting up to 0.2 s…"));
        assertThat(Files.readString(file)).isEqualTo("old");
    }

    @Test
    void aSecondWriterThatWaitsReadsTheFileAsTheFirstLeftIt() throws Exception {
        Path file = dir.resolve("programme.json");
        Files.writeString(file, "old");
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<String> second;

        try (LockedFile first = LockedFile.lock(file)) {
            second = CompletableFuture.supplyAsync(() -> {
                try (LockedFile locked = LockedFile.lock(file, LONG, notice -> waiting.countDown())) {
                    String seen = Files.readString(locked.path());
                    locked.replace(out -> out.write((seen + "+second").getBytes(StandardCharsets.UTF_8)));
                    return seen;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(waiting.await(LONG.toMinutes(), TimeUnit.MINUTES)).as("the second writer waits").isTrue();
            first.replace(out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
        }

        assertThat(second.get(LONG.toMinutes(), TimeUnit.MINUTES)).isEqualTo("first");
        assertThat(Files.readString(file)).isEqualTo("first+second");
    }

    @Test
    void theNextWriterRemovesTheTemporaryFilesOfKilledWritersButNoOtherFile() throws Exception {
        Path file = dir.resolve("programme.json");
        Files.writeString(file, "old");
        Process ended = new ProcessBuilder(javaCommand(), "-version").redirectErrorStream(true).start();
        ended.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(ended.waitFor(LONG.toMinutes(), TimeUnit.MINUTES)).isTrue();
        // A process that lives until told: cat, reading its standard input.
        Process live = new ProcessBuilder("cat").start();
        try {
            Path killed = Files.writeString(dir.resolve(".programme.json.jqsi-" + ended.pid() + "-k3j5x9.tmp"),
                    "half of");
            Path ours = Files.writeString(dir.resolve(".programme.json.jqsi-" + ProcessHandle.current().pid()
                    + "-a1b2.tmp"), "half of");
            List<Path> kept = new ArrayList<>();
            // A live process's file is left alone (it would be writing without the lock).
            kept.add(Files.writeString(dir.resolve(".programme.json.jqsi-" + live.pid() + "-zz9.tmp"), "x"));
            kept.add(Files.writeString(dir.resolve(".autre.json.jqsi-" + ended.pid() + "-k3j5x9.tmp"), "x"));
            kept.add(Files.writeString(dir.resolve(".programme.json.jqsi-pas-un-pid.tmp"), "x"));
            kept.add(Files.writeString(dir.resolve("programme.json.jqsi-" + ended.pid() + "-k3j5x9.tmp"), "x"));
            List<LocalizedText> notices = new ArrayList<>();

            try (LockedFile locked = LockedFile.lock(file, LONG, notices::add)) {
                assertThat(locked.removedLeftovers()).containsExactlyInAnyOrder(killed, ours);
            }

            assertThat(killed).doesNotExist();
            assertThat(ours).doesNotExist();
            assertThat(kept).allMatch(Files::exists);
            assertThat(notices).hasSize(2).anySatisfy(notice -> assertThat(notice.in(Language.FR))
                    .isEqualTo(killed + " : fichier temporaire laissé par une écriture interrompue, supprimé"));
            assertThat(Files.readString(file)).isEqualTo("old");
        } finally {
            live.getOutputStream().close();
            live.destroyForcibly().waitFor(LONG.toMinutes(), TimeUnit.MINUTES);
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void aReaderSeesTheOldFileOrTheNewOneWholeNeverAPart() throws Exception {
        Path file = dir.resolve("programme.json");
        byte[] a = new byte[3 * 1024 * 1024];
        byte[] b = new byte[2 * 1024 * 1024];
        Arrays.fill(a, (byte) 'a');
        Arrays.fill(b, (byte) 'b');
        Files.write(file, a);
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 40; i++) {
                    byte[] content = i % 2 == 0 ? b : a;
                    LockedFile.replace(file, LONG, notice -> { }, out -> {
                        // In pieces, as a program is written.
                        for (int at = 0; at < content.length; at += 8192) {
                            out.write(content, at, Math.min(8192, content.length - at));
                        }
                    });
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                writing.set(false);
            }
        });
        int reads = 0;
        while (writing.get() || reads == 0) {
            byte[] seen = Files.readAllBytes(file);
            assertThat(Arrays.equals(seen, a) || Arrays.equals(seen, b)).as("read %d: %d bytes", reads, seen.length)
                    .isTrue();
            reads++;
        }
        writer.get(LONG.toMinutes(), TimeUnit.MINUTES);
    }

    @Test
    void aDirectoryOrAMissingDirectoryIsRefusedBeforeAnythingIsWritten() throws Exception {
        assertThatThrownBy(() -> LockedFile.lock(dir)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("is a directory");
        assertThatThrownBy(() -> LockedFile.lock(dir.resolve("nowhere/programme.json")))
                .isInstanceOf(NoSuchFileException.class)
                .satisfies(e -> assertThat(((NoSuchFileException) e).getFile())
                        .isEqualTo(dir.resolve("nowhere/programme.json").toString()));
        assertThat(dirNames()).isEmpty();
    }

    @Test
    void aReleasedLockWritesNoMore() throws Exception {
        Path file = dir.resolve("programme.json");
        LockedFile locked = LockedFile.lock(file);
        locked.close();
        locked.close();
        assertThatThrownBy(() -> locked.replace(out -> out.write(1))).isInstanceOf(IllegalStateException.class);
        // And the lock can be taken again, in this thread as in any other.
        try (LockedFile again = LockedFile.lock(file, Duration.ZERO, notice -> { })) {
            again.replace(out -> out.write('x'));
        }
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
