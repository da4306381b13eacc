package org.jqsi.server.internal.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.FollowedSource;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.program.SourceIds;
import org.jqsi.core.validation.Failures;
import org.jqsi.core.validation.Location;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.fetch.HttpValidators;
import org.jqsi.json.ProgramReader;
import org.jqsi.server.internal.ServerMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sources a server follows, each fetched on its own schedule, and their composition with the program file into
 * the one program served.
 *
 * <p>A new copy of a source is composed with the program file and the other sources' activities, and the whole is
 * validated: when it is valid, the copy becomes the source's last good one (kept on disk, {@link SourceCopies}) and its
 * activities are served; when the copy cannot be read, or makes the whole invalid, it is refused, the source is
 * reported broken with why, and its last good copy keeps serving. A source whose last good copy no longer composes (the
 * program file lost its edition) is left out until it does. One broken source never stops the others nor the file:
 * only an invalid program file refuses the whole, as a reload does without sources.
 *
 * <p>Each source is read again from its last good copy at every composition, so that an id that the program file or
 * another source takes later moves the source's event under the source's name rather than make two activities of
 * one id ({@link org.jqsi.core.program.SourceIds}). Thread-safe.
 */
public final class FollowedSources {

    private static final Logger LOG = LoggerFactory.getLogger(FollowedSources.class);
    private static final Pattern ACTIVITY_PATH = Pattern.compile("^activities\\[(\\d+)\\]");
    /** The most fetches at once: a source that does not answer waits out its timeout on its own thread. */
    private static final int MAX_THREADS = 8;

    private final List<SourceState> states = new ArrayList<>();
    private final Map<FollowedSource.Kind, SourceReader> readers;
    private final SourceFetch fetch;
    private final SourceCopies copies;
    private final ProgramValidator validator;
    private final Clock clock;
    private final Language language;
    private ScheduledExecutorService timer;
    private volatile Runnable onNewCopy = () -> { };
    /** Whether a copy came since the last composition was tried: what makes the program change. */
    private boolean newCopy;

    /**
     * Sources with their last good copies read from a directory.
     *
     * @param copies where the last good copies are kept (created when first needed)
     * @param language the language of what is logged
     */
    public FollowedSources(List<FollowedSource> sources, Path copies, SourceFetch fetch, ProgramReader reader,
            ProgramValidator validator, Clock clock, Language language) {
        this(sources, copies, fetch, reader, validator, clock, language, defaultReaders(clock, validator));
    }

    FollowedSources(List<FollowedSource> sources, Path copies, SourceFetch fetch, ProgramReader reader,
            ProgramValidator validator, Clock clock, Language language, Map<FollowedSource.Kind, SourceReader> readers) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.copies = new SourceCopies(copies, reader);
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.language = Objects.requireNonNull(language, "language");
        this.readers = new EnumMap<>(readers);
        for (FollowedSource source : sources) {
            SourceState state = new SourceState(source);
            try {
                Optional<SourceCopies.Copy> kept = this.copies.load(source);
                kept.ifPresent(copy -> {
                    state.good = new SourceState.Copy(copy.body(), copy.validators());
                    state.seen = copy.validators();
                    state.lastSuccess = copy.fetchedAt();
                    state.activities = copy.activities() == null ? List.of() : List.copyOf(copy.activities());
                });
            } catch (IOException | RuntimeException e) {
                LOG.warn(say("source.kept-copy-unreadable", source.id(), this.copies.directory(),
                        Failures.describe(e)));
            }
            states.add(state);
        }
    }

    /** The readers of each kind that this version has: iCalendar; spreadsheets are refused until jqsi-sheets. */
    static Map<FollowedSource.Kind, SourceReader> defaultReaders(Clock clock, ProgramValidator validator) {
        Map<FollowedSource.Kind, SourceReader> readers = new EnumMap<>(FollowedSource.Kind.class);
        readers.put(FollowedSource.Kind.ICAL, new IcalSourceReader(clock));
        readers.put(FollowedSource.Kind.SHEET, new SheetSourceReader(validator, clock));
        return readers;
    }

    /** Where the last good copies are kept. */
    public Path copiesDirectory() {
        return copies.directory();
    }

    /** The sources, in the order of the sources file. */
    public List<FollowedSource> sources() {
        return states.stream().map(s -> s.source).toList();
    }

    /**
     * Starts fetching each source at once, then at its own interval; {@code onNewCopy} runs (on a fetching thread)
     * when a source has a copy to compose.
     */
    public synchronized void start(Runnable onNewCopy) {
        if (timer != null || states.isEmpty()) {
            return;
        }
        this.onNewCopy = Objects.requireNonNull(onNewCopy, "onNewCopy");
        timer = Executors.newScheduledThreadPool(Math.min(MAX_THREADS, states.size()), r -> {
            Thread thread = new Thread(r, "jqsi-sources");
            thread.setDaemon(true);
            return thread;
        });
        for (SourceState state : states) {
            long millis = state.source.refresh().toMillis();
            timer.scheduleWithFixedDelay(() -> checkSafely(state), 0, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops fetching; a fetch under way is interrupted. */
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private void checkSafely(SourceState state) {
        try {
            if (check(state)) {
                onNewCopy.run();
            }
        } catch (RuntimeException e) {
            // The timer stops a task for good on an exception: say it and go on at the next turn.
            LOG.error(say("source.check-failed", state.source.id()), e);
        }
    }

    /** Fetches one source now, as its schedule does; whether it has a new copy to compose. */
    boolean check(String id) {
        return check(states.stream().filter(s -> s.source.id().equals(id)).findFirst().orElseThrow());
    }

    private boolean check(SourceState state) {
        FollowedSource source = state.source;
        SourceFetch.Result result;
        HttpValidators seen;
        synchronized (this) {
            seen = state.seen;
        }
        result = source.url() != null ? fetch.fetch(source.url(), seen, source.allowPrivateAddress())
                : readFile(state);
        Instant now = clock.instant();
        synchronized (this) {
            if (result instanceof SourceFetch.Failed failed) {
                boolean wasBroken = state.broken;
                state.failed(now, failed.reason());
                if (!wasBroken) {
                    LOG.warn(say(state.good != null ? "source.broken-good-copy" : "source.broken-no-copy",
                            source.id(), failed.reason()));
                }
                return false;
            }
            if (result instanceof SourceFetch.Fetched fetched) {
                state.seen = fetched.validators();
                if (state.pending == null && state.good != null && Arrays.equals(fetched.body(), state.good.body())) {
                    succeeded(state, now);
                    return false;
                }
                state.pending = new SourceState.Copy(fetched.body(), fetched.validators());
                newCopy = true;
                return true;
            }
            // Not modified: the copy last fetched is still the source's.
            if (!state.seenRefused) {
                succeeded(state, now);
            }
            return false;
        }
    }

    private void succeeded(SourceState state, Instant now) {
        if (state.broken) {
            LOG.info(say("source.reachable", state.source.id()));
        }
        state.succeeded(now);
    }

    /** A source file, read when its modification time or size changed. */
    private SourceFetch.Result readFile(SourceState state) {
        Path file = state.source.file();
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            String stamp = attributes.lastModifiedTime().toInstant() + "/" + attributes.size();
            if (stamp.equals(state.fileStamp)) {
                return new SourceFetch.NotModified();
            }
            if (attributes.size() > HttpSourceFetch.MAX_BYTES) {
                return new SourceFetch.Failed(tooLarge(file));
            }
            byte[] body;
            try (InputStream in = Files.newInputStream(file)) {
                body = in.readNBytes((int) HttpSourceFetch.MAX_BYTES + 1);
            }
            if (body.length > HttpSourceFetch.MAX_BYTES) {
                return new SourceFetch.Failed(tooLarge(file));
            }
            state.fileStamp = stamp;
            return new SourceFetch.Fetched(body, HttpValidators.NONE);
        } catch (IOException e) {
            state.fileStamp = null;
            return new SourceFetch.Failed(ServerMessages.text("source.file-unreadable", file, Failures.describe(e)));
        }
    }

    private static LocalizedText tooLarge(Path file) {
        return ServerMessages.text("source.file-too-large", file, HttpSourceFetch.MAX_BYTES / (1024 * 1024));
    }

    /**
     * Whether a source has a new copy since a composition was last tried. A copy that waits because the program file
     * is invalid is composed with the file's next change, not tried again and again meanwhile.
     */
    public synchronized boolean hasNewCopy() {
        return newCopy;
    }

    /** A composition could not be tried (the program file does not read): the new copies wait for the next. */
    synchronized void notComposed() {
        newCopy = false;
    }

    /** What one source gives in one composition. */
    private record Given(List<Activity> activities, boolean fromNewCopy, List<Problem> problems) {
    }

    /**
     * The program file's content with every source's activities after its own, validated as a whole; new copies that
     * compose become the sources' last good ones, those that do not are refused (see the class).
     *
     * @param origin what to call the program file in problems
     * @throws ProgramLoadException when the program file's own content is invalid
     */
    public synchronized ProgramData compose(ProgramData file, String origin) throws ProgramLoadException {
        newCopy = false;
        Map<String, LocalizedText> refused = new LinkedHashMap<>();
        Map<String, LocalizedText> excluded = new LinkedHashMap<>();
        for (int round = 0; ; round++) {
            List<Activity> all = new ArrayList<>(file.activities());
            Map<SourceState, Given> given = new LinkedHashMap<>();
            for (int i = 0; i < states.size(); i++) {
                SourceState state = states.get(i);
                Given own = excluded.containsKey(state.source.id()) ? new Given(List.of(), false, List.of())
                        : give(state, file, all, states.subList(i + 1, states.size()), refused, excluded);
                given.put(state, own);
                all.addAll(own.activities());
            }
            ProgramData composed = new ProgramData(file.editions(), file.partners(), all);
            ValidationReport report = validator.validate(composed);
            if (!report.hasErrors()) {
                commit(file, given, refused, excluded);
                return composed;
            }
            Map<String, List<Problem>> bySource = new LinkedHashMap<>();
            List<Problem> ofFile = new ArrayList<>();
            for (Problem problem : report.errors()) {
                    String path = problem.location() instanceof Location.ProgramPath p ? p.path() : "";
                Matcher at = ACTIVITY_PATH.matcher(path);
                int index = at.lookingAt() ? Integer.parseInt(at.group(1)) : -1;
                if (index < file.activities().size()) {
                    ofFile.add(problem);
                } else {
                    Activity activity = all.get(index);
                    bySource.computeIfAbsent(activity.origin().source(), s -> new ArrayList<>())
                            .add(inSourceTerms(problem, activity, path.substring(at.end())));
                }
            }
            if (!ofFile.isEmpty() || bySource.isEmpty() || round > 2 * states.size()) {
                throw new ProgramLoadException(origin, new ValidationReport(report.errors()));
            }
            for (Map.Entry<SourceState, Given> entry : given.entrySet()) {
                String id = entry.getKey().source.id();
                List<Problem> problems = bySource.get(id);
                if (problems != null) {
                    LocalizedText why = invalid(problems);
                    if (entry.getValue().fromNewCopy()) {
                        refused.put(id, why);
                    } else {
                        excluded.put(id, why);
                    }
                }
            }
        }
    }

    /**
     * What a source gives: its new copy read, or else its last good one; nothing when neither reads. The activities
     * it must not take the ids of are the program file's, those of the sources before it as they are now composed,
     * and those of the sources after it as they were served.
     */
    private Given give(SourceState state, ProgramData file, List<Activity> before, List<SourceState> after,
            Map<String, LocalizedText> refused, Map<String, LocalizedText> excluded) {
        String id = state.source.id();
        Optional<Edition> edition = file.editions().stream().filter(e -> e.id().equals(state.source.editionId()))
                .findFirst();
        if (edition.isEmpty()) {
            excluded.put(id, ServerMessages.text("source.no-edition", state.source.editionId()));
            return new Given(List.of(), false, List.of());
        }
        List<Activity> existing = new ArrayList<>(before);
        after.forEach(s -> existing.addAll(s.activities));
        Set<String> taken = existing.stream().map(Activity::id).collect(Collectors.toCollection(HashSet::new));
        // Its own activities whose ids another owner took since move under its name, where its events find them
        // (SourceIds), so that one cancelled earlier stays cancelled rather than vanish.
        for (Activity activity : state.activities) {
            String free = taken.contains(activity.id()) ? SourceIds.namespaced(id, activity.id()) : activity.id();
            if (!taken.contains(free)) {
                existing.add(free.equals(activity.id()) ? activity : activity.toBuilder().id(free).build());
            }
        }
        SourceReader reader = readers.get(state.source.kind());
        ProgramData around = new ProgramData(file.editions(), file.partners(), existing);
        if (state.pending != null && !refused.containsKey(id)) {
            try {
                SourceReader.Read read = reader.read(state.pending.body(), state.source, edition.get(), around);
                return new Given(read.activities(), true, read.problems());
            } catch (SourceReader.Unreadable e) {
                refused.put(id, e.reason());
            }
        }
        if (state.good == null) {
            return new Given(List.of(), false, List.of());
        }
        try {
            SourceReader.Read read = reader.read(state.good.body(), state.source, edition.get(), around);
            return new Given(read.activities(), false, read.problems());
        } catch (SourceReader.Unreadable e) {
            excluded.put(id, e.reason());
            return new Given(List.of(), false, List.of());
        }
    }

    /** The composition is served: each source's state follows, and what changed is kept on disk. */
    private void commit(ProgramData file, Map<SourceState, Given> given, Map<String, LocalizedText> refused,
            Map<String, LocalizedText> excluded) {
        Instant now = clock.instant();
        for (Map.Entry<SourceState, Given> entry : given.entrySet()) {
            SourceState state = entry.getKey();
            Given own = entry.getValue();
            String id = state.source.id();
            boolean keep = false;
            boolean hasGood = state.good != null;
            if (own.fromNewCopy()) {
                state.good = state.pending;
                state.seenRefused = false;
                succeeded(state, now);
                keep = true;
                LOG.info(say("source.new-copy-served", id, own.activities().size(), own.problems().size()));
                own.problems().forEach(p -> LOG.warn("{}: {}", id, p.format(language)));
            } else if (refused.containsKey(id)) {
                state.seenRefused = true;
                state.failed(now, refused.get(id));
                LOG.warn(say(hasGood ? "source.new-copy-refused" : "source.copy-refused", id, refused.get(id)));
            }
            state.pending = null;
            if (excluded.containsKey(id)) {
                state.failed(now, excluded.get(id));
                LOG.warn(say("source.left-out", id, excluded.get(id)));
                continue;
            }
            if (!own.activities().equals(state.activities)) {
                state.activities = List.copyOf(own.activities());
                state.lastChange = now;
                keep = true;
            }
            if (keep && state.good != null) {
                try {
                    copies.save(state.source, new SourceCopies.Copy(state.good.body(), state.good.validators(),
                            state.lastSuccess, state.activities), new ProgramData(file.editions(), file.partners(),
                            state.activities));
                } catch (IOException e) {
                    LOG.warn(say("source.copy-not-kept", id, copies.directory(), Failures.describe(e)));
                }
            }
        }
    }

    /**
     * A validation problem of a source's activity, said with the activity's id and the source's own id for it.
     *
     * @param rest what follows the activity in the problem's path: {@code .title.fr}, or nothing
     */
    private static Problem inSourceTerms(Problem problem, Activity activity, String rest) {
        return problem.at(Location.described(activity.id() + " (" + activity.origin().uid() + ")" + rest));
    }

    private static LocalizedText invalid(List<Problem> problems) {
        return LocalizedText.of(invalid(problems, Language.FR), invalid(problems, Language.EN));
    }

    /** The problems one after the other ({@code a; b}, {@code a ; b}), after what they mean for the copy. */
    private static String invalid(List<Problem> problems, Language language) {
        String all = problems.stream().map(p -> p.format(language))
                .reduce((a, b) -> ServerMessages.message(language, "source.and", a, b)).orElse("");
        return ServerMessages.message(language, "source.invalid", all);
    }

    /**
     * The activities the sources gave in the last composition served, as their last good copies on disk kept them, in
     * the order of the sources file; nothing is fetched. What the command line composes with when it must see the
     * program as served.
     */
    public synchronized List<Activity> lastServed() {
        List<Activity> all = new ArrayList<>();
        for (SourceState state : states) {
            all.addAll(state.activities);
        }
        return all;
    }

    /** How each source stands, in the order of the sources file. */
    public synchronized List<SourceHealth> health() {
        List<SourceHealth> health = new ArrayList<>();
        for (SourceState state : states) {
            String standing = state.broken ? "broken" : state.lastSuccess == null ? "waiting" : "ok";
            health.add(new SourceHealth(state.source.id(), state.source.kind().code(), state.source.location(),
                    standing, state.activities.size(), state.lastSuccess, state.lastChange, state.lastErrorAt,
                    state.lastError));
        }
        return health;
    }

    /** A line of the log, in the server's language. */
    private String say(String key, Object... args) {
        return ServerMessages.message(language, key, args);
    }
}
