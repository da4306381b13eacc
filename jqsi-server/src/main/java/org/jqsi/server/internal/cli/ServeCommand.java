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
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.FollowedSource;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.ical.EventHistory;
import org.jqsi.jdbc.Database;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.SourcesReader;
import org.jqsi.password.Argon2idHash;
import org.jqsi.server.JqsiServer;
import org.jqsi.server.ServerSettings;
import org.jqsi.server.internal.HeapRule;
import org.jqsi.server.internal.ServerMessages;
import org.jqsi.server.internal.sources.ComposedSource;
import org.jqsi.server.internal.sources.FollowedSources;
import org.jqsi.server.internal.sources.HttpSourceFetch;
import org.jqsi.server.internal.submissions.BaseProgram;
import org.jqsi.server.internal.submissions.SubmittedSource;
import org.jqsi.web.WidgetSettings;
import org.jqsi.web.review.AccountsCleanup;
import org.jqsi.web.review.ReviewServlet;
import org.jqsi.web.review.ReviewSettings;
import org.jqsi.web.submit.SubmissionServlet;
import org.jqsi.web.submit.SubmitSettings;
import org.slf4j.LoggerFactory;
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

    @Mixin
    SourcesOption sourcesFile = new SourcesOption();

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Public address of this server, for the links in feeds and snippets.")
    URI baseUrl;

    @Option(names = "--frame-ancestors", split = ",", paramLabel = "SOURCE",
            description = "Sites allowed to frame the widget, comma-separated CSP sources (default: *, any site).")
    List<String> frameAncestors = List.of("*");

    @Option(names = "--image-origins", split = ",", paramLabel = "ORIGIN",
            description = "https origins the activities' pictures may be loaded from, comma-separated, such as "
                    + "https://images.example.org (default: none; a picture from elsewhere is not loaded).")
    List<String> imageOrigins = List.of();

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

    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(names = "--submit-burst", defaultValue = "20", paramLabel = "N",
            description = "How many submissions one address may send at once to /submit/ (default: ${DEFAULT-VALUE}).")
    int submitBurst;

    @Option(names = "--submit-per-hour", defaultValue = "60", paramLabel = "N",
            description = "How many more submissions one address may send each hour (default: ${DEFAULT-VALUE}); "
                    + "beyond, 429 with Retry-After.")
    int submitPerHour;

    private final ProgramTools tools;

    ServeCommand(ProgramTools tools) {
        this.tools = tools;
    }

    @Override
    public Integer call() throws Exception {
        Language language = lang.language;
        PrintWriter err = spec.commandLine().getErr();
        ServerSettings settings;
        try {
            settings = settings();
        } catch (OptionProblem e) {
            return e.report(spec, language);
        }
        Clock clock = Clock.system(Region.EASTERN);
        List<FollowedSource> followed = List.of();
        if (sourcesFile.file != null) {
            try {
                followed = new SourcesReader().read(sourcesFile.file);
            } catch (ProgramLoadException e) {
                err.println(ServerMessages.said(language, "jqsi serve",
                        ServerMessages.message(language, "serve.cannot-follow", sourcesFile.file)));
                err.println(e.report().format(language));
                return 1;
            }
        }
        List<FollowedSource> sources = followed;
        Supplier<Database> opener;
        try {
            opener = database.opener(spec);
        } catch (OptionProblem e) {
            return e.report(spec, language);
        }
        // Opening (and migrating) the database took a third of the main thread's startup, before anything else: it
        // now runs beside the validator's set-up and Jetty's, and the program's loading waits for it.
        CompletableFuture<Database> db = new CompletableFuture<>();
        Thread opening = new Thread(() -> {
            try {
                db.complete(opener.get());
            } catch (Throwable e) {
                db.completeExceptionally(e);
            }
        }, "jqsi-database");
        opening.setDaemon(true);
        opening.start();
        try {
            return serve(settings, sources, db, clock);
        } finally {
            if (!db.isCompletedExceptionally()) {
                opened(db).close();
            }
        }
    }

    /** The database once open; what opening it threw, as it was thrown. */
    private static Database opened(CompletableFuture<Database> db) {
        try {
            return db.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Serves until the server stops, with the submissions of {@code db}. */
    private int serve(ServerSettings settings, List<FollowedSource> sources, CompletableFuture<Database> opening,
            Clock clock) throws Exception {
        Language language = lang.language;
        PrintWriter err = spec.commandLine().getErr();
        // Loading the program (the validator and the reader are still being set up) takes as long as building Jetty
        // and the widget: the server builds those while this loads the program.
        AtomicReference<ProgramSource> loaded = new AtomicReference<>();
        AtomicReference<CurrentProgram> serving = new AtomicReference<>();
        SubmitSettings submit;
        try {
            submit = submitSettings();
        } catch (OptionProblem e) {
            return e.report(spec, language);
        }
        // Requests come only once the program is loaded: the servlets read it through the reference set then. They
        // need the database and the validator, which the loading thread hands over; each is made by its first request.
        ServletOnFirstUse submissions = new ServletOnFirstUse();
        ServletOnFirstUse review = new ServletOnFirstUse();
        JqsiServer server;
        try {
            server = JqsiServer.start(settings, () -> {
                Database db = opened(opening);
                // The form's signing key lives in the database: every server on it checks the forms the others
                // gave, and a form left open across a restart is still taken.
                submissions.ready(() -> new SubmissionServlet(db.submissions(), () -> serving.get().get(),
                        tools.validator(), submit.withFormSecret(db.sharedSecret(FORM_SECRET)), clock));
                review.ready(() -> new ReviewServlet(db.accounts(), new Argon2idHash(), db.submissions(),
                        () -> serving.get().get(), new BaseProgram(loaded::get), tools.validator(),
                        ReviewSettings.defaults().withDefaultLanguage(language), clock));
                loaded.set(withSubmissions(withSources(source(tools.reader()), sources, clock), db, clock));
                // A program too large for this heap is refused here and on every reload (issue 22).
                serving.set(CurrentProgram.load(loaded.get(), tools.validator(), tools.search(),
                        new HeapRule(Runtime.getRuntime().maxMemory(), WidgetSettings.defaults().keptBytes()),
                        clock));
                return serving.get();
            }, clock, eventHistory(), Map.of(SUBMIT_PATH + "/*", submissions, REVIEW_PATH + "/*", review));
        } catch (ProgramLoadException e) {
            err.println(ServerMessages.said(language, "jqsi serve",
                    ServerMessages.message(language, "serve.cannot-serve", loaded.get().describe())));
            err.println(e.report().format(language));
            return 1;
        } catch (Exception e) {
            if (!cannotListen(e)) {
                throw e;
            }
            err.println(ServerMessages.said(language, "jqsi serve", whyNotListening(e).in(language)));
            return 1;
        }
        CurrentProgram current = server.program();
        Database db = opened(opening);
        spec.commandLine().getOut().println(ServerMessages.message(language, "serve.serving", loaded.get().describe(),
                current.get().activities().size(), current.get().version()));
        spec.commandLine().getOut().println(ServerMessages.message(language, "serve.submissions",
                db.description().in(language)));
        if (current.source() instanceof SubmittedSource submitted
                && submitted.base() instanceof ComposedSource composed) {
            spec.commandLine().getOut().println(ServerMessages.message(language, "serve.following",
                    composed.sources().sources().size(), sourcesFile.file, composed.sources().copiesDirectory()));
        }
        spec.commandLine().getOut().println(ServerMessages.message(language, "serve.open", server.localUri()));
        ScheduledExecutorService cleanup = cleanUpHourly(new AccountsCleanup(db.accounts(), clock));
        try {
            server.join();
        } finally {
            cleanup.shutdownNow();
        }
        return JqsiCommand.SERVER_STOPPED;
    }

    /**
     * Removes the review pages' expired sessions and old log-in attempts every hour, on a daemon thread; a failure
     * (the database unreachable) is logged, and the next hour tries again.
     */
    private ScheduledExecutorService cleanUpHourly(AccountsCleanup accounts) {
        ScheduledExecutorService cleanup = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "jqsi accounts cleanup");
            thread.setDaemon(true);
            return thread;
        });
        Language language = lang.language;
        cleanup.scheduleWithFixedDelay(() -> {
            try {
                accounts.run();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(ServeCommand.class).warn(ServerMessages.message(language,
                        "serve.cleanup-failed", String.valueOf(e.getMessage())));
            }
        }, 1, 60, TimeUnit.MINUTES);
        return cleanup;
    }

    /** Where the submission API is mounted under the context path. */
    static final String SUBMIT_PATH = "/submit";

    /** The name of the submission form's signing key among the database's shared secrets. */
    static final String FORM_SECRET = "submit-form";

    /** Where the reviewers' pages are mounted under the context path. */
    static final String REVIEW_PATH = "/review";

    /** The submission API's settings from the options: its public address, its limits. */
    private SubmitSettings submitSettings() throws OptionProblem {
        SubmitSettings.Builder submit = SubmitSettings.builder().defaultLanguage(lang.language);
        if (baseUrl != null) {
            submit.baseUrl(URI.create(baseUrl.toString().replaceAll("/+$", "") + SUBMIT_PATH + "/"));
        }
        if (submitBurst < 1) {
            throw new OptionProblem("--submit-burst", ServerMessages.text("submissions.expected-limit"));
        }
        if (submitPerHour < 1) {
            throw new OptionProblem("--submit-per-hour", ServerMessages.text("submissions.expected-limit"));
        }
        return submit.rateLimit(submitBurst, submitPerHour, Duration.ofHours(1)).build();
    }

    /** The settings from the options, each refused one said in the terms of its option. */
    private ServerSettings settings() throws OptionProblem {
        ServerSettings settings = ServerSettings.defaults().withLanguage(lang.language).withHost(host)
                .withBaseUrl(baseUrl).withFrameAncestors(frameAncestors);
        settings = option("--image-origins", ServerMessages.text("serve.expected-image-origin"), settings,
                s -> s.withImageOrigins(imageOrigins));
        settings = option("--port", ServerMessages.text("serve.expected-port"), settings, s -> s.withPort(port));
        settings = option("--context-path", ServerMessages.text("serve.expected-context-path"), settings,
                s -> s.withContextPath(contextPath));
        settings = option("--reload-interval", ServerMessages.text("serve.expected-seconds"), settings,
                s -> s.withReloadInterval(seconds(reloadSeconds)));
        return option("--idle-timeout", ServerMessages.text("serve.expected-seconds"), settings,
                s -> s.withIdleTimeout(seconds(idleSeconds)));
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
                return ServerMessages.text("serve.port-in-use", port);
            }
            if (cause instanceof BindException && message.contains("Permission denied")) {
                return ServerMessages.text("serve.port-reserved", port);
            }
            if (cause instanceof UnresolvedAddressException || message.contains("<unresolved>")) {
                return ServerMessages.text("serve.unknown-host", host);
            }
        }
        return ServerMessages.text("serve.cannot-listen", host, port);
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
        spec.commandLine().getErr().println(ServerMessages.said(lang.language, "jqsi serve",
                ServerMessages.message(lang.language, "serve.history-in-memory", file)));
        return EventHistory.inMemory();
    }

    /**
     * The program with the sources it follows, their last good copies in {@code --sources-copies}, by default a
     * directory beside the sources file named after it ({@code sources.json.d}).
     */
    private ProgramSource withSources(ProgramSource program, List<FollowedSource> sources, Clock clock) {
        if (sourcesFile.file == null) {
            return program;
        }
        return new ComposedSource(program, new FollowedSources(sources,
                SourcesOption.copiesDirectory(sourcesFile.file, sourcesFile.copies),
                new HttpSourceFetch(Duration.ofSeconds(20), HttpSourceFetch.MAX_BYTES), tools.reader(),
                tools.validator(), clock, lang.language));
    }

    /** The program with what approved submissions publish, recomposed when the database signals an approval. */
    private ProgramSource withSubmissions(ProgramSource program, Database db, Clock clock) {
        return new SubmittedSource(program, db.submissions(), db::watchPublication,
                db.description().in(lang.language), tools.validator(), clock, lang.language);
    }

    private ProgramSource source(ProgramReader reader) {
        return ProgramLocation.open(program, reader, addresses.policy());
    }
}
