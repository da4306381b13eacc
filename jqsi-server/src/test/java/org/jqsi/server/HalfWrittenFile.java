package org.jqsi.server;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.jqsi.files.LockedFile;

/**
 * A writer to kill: replaces the file named by its first argument through {@link LockedFile}, as every jqsi command
 * does, writes the first half of its new content to the temporary file, says {@value #HALF} on its standard output,
 * and waits there for its {@code kill -9}. {@link WritesProcessTest} runs it as a process of its own, so that the
 * moment of the kill is known rather than hoped for.
 */
public final class HalfWrittenFile {

    static final String HALF = "half written";

    private HalfWrittenFile() {
    }

    public static void main(String[] args) throws Exception {
        byte[] half = new byte[4 * 1024 * 1024];
        Arrays.fill(half, (byte) ' ');
        LockedFile.replace(Path.of(args[0]), Duration.ofMinutes(5), notice -> { }, (OutputStream out) -> {
            out.write("{\"formatVersion\": 1, \"activities\": [".getBytes(StandardCharsets.UTF_8));
            out.write(half);
            out.flush();
            System.out.println(HALF);
            System.out.flush();
            try {
                Thread.sleep(Duration.ofHours(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("should have been killed");
        });
    }
}
