package org.jqsi.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.ReloadResult;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's reload while jqsi's commands rewrite the program file: every version it reads is whole (the
 * replacement is a rename), so no reload is ever refused for a half-written file, through a symbolic link as well.
 */
class ReloadWhileWritingTest {

    @TempDir
    Path dir;

    private static ProgramData withTitle(String title) {
        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        activities.add(SampleProgram.shortFilms().toBuilder().id("ajout-2020").title(LocalizedText.fr(title))
                .build());
        return new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities);
    }

    @Test
    void aReloadNeverReadsHalfOfAFileThatIsBeingReplaced() throws Exception {
        Path real = dir.resolve("programme-2020.json");
        ProgramWriter.forFiles().write(withTitle("Version 0"), real);
        Path link = Files.createSymbolicLink(dir.resolve("programme.json"), real.getFileName());
        ProgramValidator validator = new ProgramValidator();
        WatchedFile watched = new WatchedFile(link, new ProgramReader(validator));
        CurrentProgram current = CurrentProgram.load(watched, validator, Clock.systemUTC());
        AtomicBoolean writing = new AtomicBoolean(true);

        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                for (int version = 1; version <= 30; version++) {
                    // Alternately compact and indented: the file's size changes a lot from one version to the next.
                    (version % 2 == 0 ? ProgramWriter.forFiles() : ProgramWriter.forWeb())
                            .write(withTitle("Version " + version), link);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                writing.set(false);
            }
        });
        int reloads = 0;
        while (writing.get()) {
            if (watched.hasChanged()) {
                ReloadResult result = current.reload();
                // A rename between the stamp and the open is seen and refused, to be read again once still: never a
                // half-read version, never another refusal.
                assertThat(result.applied() || result.report().problems().stream()
                        .allMatch(p -> p.code().equals("file.changed-while-read")))
                        .as("reload %d: %s", reloads, result.report()).isTrue();
                reloads++;
            }
        }
        writer.get(5, TimeUnit.MINUTES);
        // The last version is seen, even when written within the same tick as the one before, of the same size, on
        // a reused inode (its stamp then equal): a refused read is retried after the quiet period.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (current.get().activities().stream().noneMatch(a -> a.title().fr().equals("Version 30"))
                && System.nanoTime() < deadline) {
            if (watched.hasChanged()) {
                current.reload();
            }
            Thread.sleep(50);
        }

        assertThat(current.get().activities()).anySatisfy(a -> assertThat(a.title().fr()).isEqualTo("Version 30"));
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aReplacementOfTheSameSizeAndTimeIsSeenAsAChange() throws Exception {
        Path file = dir.resolve("programme.json");
        ProgramWriter.forFiles().write(withTitle("Version 1"), file);
        FileTime time = Files.getLastModifiedTime(file);
        WatchedFile watched = new WatchedFile(file, new ProgramReader());
        watched.read();

        ProgramWriter.forFiles().write(withTitle("Version 2"), file);
        // The same size and time, as two writes within one tick of the file system's clock may have.
        Files.setLastModifiedTime(file, time);

        assertThat(watched.hasChanged()).isTrue();
        assertThat(watched.read().activities()).anySatisfy(a -> assertThat(a.title().fr()).isEqualTo("Version 2"));
    }
}
