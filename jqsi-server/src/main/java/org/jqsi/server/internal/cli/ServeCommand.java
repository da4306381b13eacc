package org.jqsi.server.internal.cli;

import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
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
import picocli.CommandLine.Mixin;
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

    @Mixin
    LanguageOption lang = new LanguageOption();

    @Mixin
    AddressOption addresses = new AddressOption();

    private final ProgramTools tools;

    ServeCommand(ProgramTools tools) {
        this.tools = tools;
    }

    @Override
    public Integer call() throws Exception {
        Language language = lang.language;
        boolean fr = language == Language.FR;
        PrintWriter err = spec.commandLine().getErr();
        ServerSettings settings;
        try {
            settings = settings();
        } catch (OptionProblem e) {
            return e.report(spec, language);
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
            err.println("jqsi serve" + (fr ? " : " : ": ") + loaded.get().describe()
                    + (fr ? " ne peut pas être servi :" : " cannot be served:"));
            err.println(e.report().format(language));
            return 1;
        } catch (Exception e) {
            if (!cannotListen(e)) {
                throw e;
            }
            err.println("jqsi serve" + (fr ? " : " : ": ") + whyNotListening(e).in(language));
            return 1;
        }
        CurrentProgram current = server.program();
        spec.commandLine().getOut().printf(fr ? "jqsi sert %s (%d activités, version %s)%n"
                : "jqsi is serving %s (%d activities, version %s)%n", loaded.get().describe(),
                current.get().activities().size(), current.get().version());
        spec.commandLine().getOut().printf(fr ? "Ouvrez %s%n" : "Open %s%n", server.localUri());
        server.join();
        return JqsiCommand.SERVER_STOPPED;
    }

    /** The settings from the options, each refused one said in the terms of its option. */
    private ServerSettings settings() throws OptionProblem {
        ServerSettings settings = ServerSettings.defaults().withLanguage(lang.language).withHost(host)
                .withBaseUrl(baseUrl).withFrameAncestors(frameAncestors);
        settings = option("--port", LocalizedText.of("un port de 0 à 65535 est attendu, 0 pour n'importe lequel de "
                + "libre", "expected a port from 0 to 65535, 0 for any free one"), settings, s -> s.withPort(port));
        settings = option("--context-path", LocalizedText.of("un chemin comme /jqsi est attendu : lettres, chiffres "
                + "et . _ ~ - entre des barres obliques", "expected a path such as /jqsi: letters, digits and "
                + ". _ ~ - between slashes"), settings, s -> s.withContextPath(contextPath));
        settings = option("--reload-interval", LocalizedText.of("au moins 0.001 seconde", "at least 0.001 seconds"),
                settings, s -> s.withReloadInterval(seconds(reloadSeconds)));
        return option("--idle-timeout", LocalizedText.of("au moins 0.001 seconde", "at least 0.001 seconds"),
                settings, s -> s.withIdleTimeout(seconds(idleSeconds)));
    }

    private static ServerSettings option(String name, LocalizedText expected, ServerSettings settings,
            UnaryOperator<ServerSettings> set) throws OptionProblem {
        try {
            return set.apply(settings);
        } catch (IllegalArgumentException e) {
            throw new OptionProblem(name, expected);
        }
    }

    /** Whether the server could not listen where it was told to: Jetty says so with "Failed to bind". */
    private static boolean cannotListen(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException || cause instanceof UnresolvedAddressException
                    || String.valueOf(cause.getMessage()).startsWith("Failed to bind")) {
                return true;
            }
        }
        return false;
    }

    /** Why the server could not listen where it was told to, and what to do. */
    private LocalizedText whyNotListening(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof BindException && message.contains("already in use")) {
                return LocalizedText.of("le port " + port + " est déjà utilisé ; choisissez-en un autre avec --port",
                        "port " + port + " is already in use; choose another with --port");
            }
            if (cause instanceof BindException && message.contains("Permission denied")) {
                return LocalizedText.of("le port " + port + " est réservé à l'administrateur ; choisissez-en un "
                        + "au-dessus de 1023 avec --port", "port " + port + " is reserved to the administrator; "
                        + "choose one above 1023 with --port");
            }
            if (cause instanceof UnresolvedAddressException || message.contains("<unresolved>")) {
                return LocalizedText.of("--host : adresse inconnue « " + host + " »",
                        "--host: unknown address \"" + host + "\"");
            }
        }
        return LocalizedText.of("impossible d'écouter sur " + host + ":" + port + " ; vérifiez --host et --port",
                "cannot listen on " + host + ":" + port + "; check --host and --port");
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
        spec.commandLine().getErr().println(lang.language == Language.FR
                ? "jqsi serve : impossible d'écrire " + file + " ; les numéros SEQUENCE des calendriers ne sont gardés "
                        + "qu'en mémoire, jusqu'à l'arrêt du serveur"
                : "jqsi serve: cannot write " + file + "; calendar SEQUENCE numbers are remembered in memory only, "
                        + "until the server stops");
        return EventHistory.inMemory();
    }

    private ProgramSource source(ProgramReader reader) {
        if (program == null || program.isBlank()) {
            return ProgramFileSource.sample(reader);
        }
        if (program.startsWith("http://") || program.startsWith("https://")) {
            return new ProgramUrl(URI.create(program), reader, Duration.ofSeconds(10), addresses.policy());
        }
        return new WatchedFile(Path.of(program), reader);
    }
}
