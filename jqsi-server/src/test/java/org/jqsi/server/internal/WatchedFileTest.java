package org.jqsi.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchedFileTest {

    @TempDir
    Path dir;

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
    void aFileUnderTheLimitIsReadAndAChangeIsSeen() throws Exception {
        Path file = dir.resolve("program.json");
        ProgramWriter.forFiles().write(ProgramFileSource.sample().read(), file);
        WatchedFile watched = new WatchedFile(file, new ProgramReader());

        assertThat(watched.read().activities()).isNotEmpty();
        assertThat(watched.hasChanged()).isFalse();
        try (RandomAccessFile grown = new RandomAccessFile(file.toFile(), "rw")) {
            grown.setLength(ChangingSource.MAX_PROGRAM_BYTES + 1);
        }
        assertThat(watched.hasChanged()).isTrue();
        assertThat(catchThrowableOfType(ProgramLoadException.class, watched::read)).isNotNull();
    }
}
