package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.jqsi.server.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 item 4: a named pipe (FIFO) at the program's path made {@code jqsi serve --program} wait for ever for a
 * writer, before it started; {@code validate} and {@code export} waited the same way. Each refuses it without opening
 * it. The bound only catches a hang.
 */
class SpecialProgramFilesTest {

    private static final Duration HANG = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private Path fifo() throws Exception {
        Path fifo = dir.resolve("programme.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        return fifo;
    }

    @Test
    void serveRefusesANamedPipeAndSaysSo() throws Exception {
        Path fifo = fifo();

        Run french = assertTimeoutPreemptively(HANG, () -> CommandLineTest.jqsi("serve", "--program", fifo.toString(),
                "--host", "127.0.0.1", "--port", "0"));
        Run english = assertTimeoutPreemptively(HANG, () -> CommandLineTest.jqsi("serve", "--lang", "en",
                "--program", fifo.toString(), "--host", "127.0.0.1", "--port", "0"));

        assertThat(french.status()).isEqualTo(1);
        assertThat(french.err()).contains(fifo.toString())
                .contains("ce n'est pas un fichier ordinaire mais un tube nommé (FIFO)");
        assertThat(english.status()).isEqualTo(1);
        assertThat(english.err()).contains("this is not a regular file but a named pipe (FIFO): a program is read "
                + "from a regular file only (it was not opened)").doesNotContain("Exception");
    }

    @Test
    void validateAndExportRefuseANamedPipe() throws Exception {
        Path fifo = fifo();

        Run validate = assertTimeoutPreemptively(HANG, () -> CommandLineTest.jqsi("validate", "--lang", "en",
                fifo.toString()));
        Run export = assertTimeoutPreemptively(HANG, () -> CommandLineTest.jqsi("export", "--lang", "en",
                "--format", "ics", fifo.toString()));

        assertThat(validate.status()).isEqualTo(1);
        assertThat(validate.out() + validate.err()).contains("this is not a regular file but a special file");
        assertThat(export.status()).isEqualTo(1);
        assertThat(export.out() + export.err()).contains("this is not a regular file but a special file");
    }
}
