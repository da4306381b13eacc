package org.jqsi.server.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A writer that overwrites a file in place, as an editor or a deploy tool may: the first half of the new content,
 * then, after a pause, the second half, into the same file (same inode, no truncation). It runs as a process of its
 * own, so that the server's checks and the writes interleave as they do in production. It says on its standard
 * output when each half was written ({@link System#nanoTime()}), so that the test knows the pause it really made.
 *
 * <p>Arguments: the file whose content to write, the file to overwrite, the pause in milliseconds.
 */
public final class InPlaceWriter {

    private InPlaceWriter() {
    }

    public static void main(String[] args) throws Exception {
        byte[] content = Files.readAllBytes(Path.of(args[0]));
        long pause = Long.parseLong(args[2]);
        int half = content.length / 2;
        try (RandomAccessFile file = new RandomAccessFile(args[1], "rw")) {
            file.write(content, 0, half);
            long first = System.nanoTime();
            Thread.sleep(pause);
            long second = System.nanoTime();
            file.write(content, half, content.length - half);
            long end = System.nanoTime();
            // The pause as the file saw it: from the end of the first write to the end of the second.
            System.out.println((end - first) + " " + (second - first));
        }
    }

    /** Starts the writer on {@code content} into {@code target}, pausing {@code pause} between the halves. */
    static Process start(Path content, Path target, Duration pause) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                InPlaceWriter.class.getName(), content.toString(), target.toString(),
                Long.toString(pause.toMillis())));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** How long the file stayed half written, as the writer measured it (once it has ended). */
    static Duration gap(Process writer) throws Exception {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            return Duration.ofNanos(Long.parseLong(line.trim().split(" ")[0]));
        }
    }
}
