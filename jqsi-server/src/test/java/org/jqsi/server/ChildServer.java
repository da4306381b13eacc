package org.jqsi.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jqsi serve} in a JVM of its own with a given heap ({@code -Xmx}, serial collector), on a program file: what
 * the memory tests of issue 22 run against. Its standard error goes to a log file; {@link #close()} ends it.
 */
final class ChildServer implements AutoCloseable {

    private static final Pattern OPEN = Pattern.compile("Open (http://localhost:\\d+/)");

    private final Process process;
    private final Path log;
    private final URI base;

    private ChildServer(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /** The command that runs {@code jqsi serve} on a program with a heap, logging in English. */
    static ProcessBuilder command(String heap, Path program, String... more) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "org.jqsi.server.Main", "serve", "--lang", "en", "--program",
                program.toString(), "--host", "127.0.0.1", "--port", "0"));
        command.addAll(List.of(more));
        return new ProcessBuilder(command);
    }

    /**
     * Starts the server and waits until it says where it is open.
     *
     * @throws IllegalStateException when it ends first, with its log
     */
    static ChildServer start(String heap, Path program, Path log, String... more) throws IOException {
        Process process = command(heap, program, more).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = OPEN.matcher(line);
            if (m.matches()) {
                // Keep reading its standard output, so that it never blocks writing to it.
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // The process ended.
                    }
                }, "child-server-output");
                drain.setDaemon(true);
                drain.start();
                return new ChildServer(process, log, URI.create(m.group(1)));
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not start: " + Files.readString(log));
    }

    URI base() {
        return base;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
    }
}
