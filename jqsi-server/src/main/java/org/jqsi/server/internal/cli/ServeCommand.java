package org.jqsi.server.internal.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.ical.EventHistory;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.json.ProgramReader;
import org.jqsi.server.JqsiServer;
import org.jqsi.server.ServerSettings;
import org.jqsi.server.internal.ProgramUrl;
import org.jqsi.server.internal.WatchedFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jqsi serve}: the widget, its feeds and a demo page, for a program file, URL or the bundled sample. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the widget, its feeds and a demo page at /, reloading the program when it changes.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on, 0 for any free one "
            + "(default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on (default: "
            + "${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--program", paramLabel = "FILE|URL",
            description = "Program file or http(s) URL; the bundled sample program when absent. Beside a file, "
                    + "FILE.ical-history remembers the calendar version of each activity.")
    String program;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Public address of this server, for the links in feeds and snippets.")
    URI baseUrl;

    @Option(names = "--frame-ancestors", split = ",", paramLabel = "SOURCE",
            description = "Sites allowed to frame the widget, comma-separated CSP sources (default: *, any site).")
    List<String> frameAncestors = List.of("*");

    @Option(names = "--context-path", defaultValue = "", paramLabel = "PATH",
            description = "Path to mount everything under, such as /jqsi (default: the root).")
    String contextPath;

    // Fractions of a second too: a soak test replaces the program faster than once a second.
    @Option(names = "--reload-interval", defaultValue = "2", paramLabel = "SECONDS",
            description = "How often to check the program for a change, such as 2 or 0.5 (default: "
                    + "${DEFAULT-VALUE} s).")
    double reloadSeconds;

    @Option(names = "--idle-timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "Close a connection that sends or reads nothing for this long (default: ${DEFAULT-VALUE} s).")
    double idleSeconds;

    private final ProgramTools tools;

    ServeCommand(ProgramTools tools) {
        this.tools = tools;
    }

    @Override
    public Integer call() throws Exception {
        ServerSettings settings;
        try {
            settings = ServerSettings.defaults().withPort(port).withHost(host).withContextPath(contextPath)
                    .withBaseUrl(baseUrl).withFrameAncestors(frameAncestors)
                    .withReloadInterval(seconds(reloadSeconds)).withIdleTimeout(seconds(idleSeconds));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("jqsi serve: " + e.getMessage());
            return 2;
        }
        Clock clock = Clock.system(Region.EASTERN);
        // Loading the program (the validator and the reader are still being set up) takes as long as building Jetty
        // and the widget: the server builds those while this loads the program.
        AtomicReference<ProgramSource> loaded = new AtomicReference<>();
        JqsiServer server;
        try {
            server = JqsiServer.start(settings, () -> {
                loaded.set(source(tools.reader()));
                return CurrentProgram.load(loaded.get(), tools.validator(), clock);
            }, clock, eventHistory());
        } catch (ProgramLoadException e) {
            spec.commandLine().getErr().println("jqsi serve: " + loaded.get().describe() + " cannot be served:");
            spec.commandLine().getErr().println(e.report().format(Language.EN));
            return 1;
        }
        CurrentProgram current = server.program();
        spec.commandLine().getOut().printf("jqsi is serving %s (%d activities, version %s)%n", loaded.get().describe(),
                current.get().activities().size(), current.get().version());
        spec.commandLine().getOut().printf("Open %s%n", server.localUri());
        server.join();
        return JqsiCommand.SERVER_STOPPED;
    }

    private static Duration seconds(double value) {
        return Duration.ofMillis(Math.round(value * 1000));
    }

    /**
     * Where the feeds remember what each event was published as: beside a program file, so that a change of an
     * activity's start, end, zone, place or status raises its SEQUENCE across restarts (see EventHistory); in memory
     * for the sample, for a URL, or when the file's directory cannot be written (then said on standard error).
     */
    private EventHistory eventHistory() {
        if (program == null || program.isBlank() || program.startsWith("http://") || program.startsWith("https://")) {
            return EventHistory.inMemory();
        }
        Path file = EventHistory.besideProgram(Path.of(program));
        if (Files.isWritable(file.getParent()) && (!Files.exists(file) || Files.isWritable(file))) {
            return EventHistory.inFile(file);
        }
        spec.commandLine().getErr().println("jqsi serve: cannot write " + file + "; calendar SEQUENCE numbers are "
                + "remembered in memory only, until the server stops / impossible d'écrire " + file + " ; les numéros "
                + "SEQUENCE des calendriers ne sont gardés qu'en mémoire, jusqu'à l'arrêt du serveur");
        return EventHistory.inMemory();
    }

    private ProgramSource source(ProgramReader reader) {
        if (program == null || program.isBlank()) {
            return ProgramFileSource.sample(reader);
        }
        if (program.startsWith("http://") || program.startsWith("https://")) {
            return new ProgramUrl(URI.create(program), reader, Duration.ofSeconds(10));
        }
        return new WatchedFile(Path.of(program), reader);
    }
}
