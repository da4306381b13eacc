package org.jqsi.core.program;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.core.validation.ValidationReport;

/**
 * The program being served, swapped atomically when its source changes.
 *
 * <p>Readers always see one whole program: a reload reads, validates and indexes the new content before it replaces
 * the old one in a single step, and a reload that fails for any reason leaves the previous program in place.
 */
public final class CurrentProgram implements Supplier<Program> {

    private final ProgramSource source;
    private final ProgramValidator validator;
    private final TextSearch search;
    private final ProgramLimit limit;
    private final Clock clock;
    private final AtomicReference<Served> served;
    private volatile ReloadResult lastReload;

    private record Served(Program program, Instant loadedAt) {
    }

    private CurrentProgram(ProgramSource source, ProgramValidator validator, TextSearch search, ProgramLimit limit,
            Clock clock, Program first, ReloadResult firstLoad) {
        this.source = source;
        this.validator = validator;
        this.search = search;
        this.limit = limit;
        this.clock = clock;
        this.served = new AtomicReference<>(new Served(first, firstLoad.at()));
        this.lastReload = firstLoad;
    }

    /**
     * Loads the program from its source for the first time.
     *
     * @throws ProgramLoadException when there is nothing valid to serve
     */
    public static CurrentProgram load(ProgramSource source, ProgramValidator validator, Clock clock)
            throws ProgramLoadException {
        return load(source, validator, TextSearch.folding(), clock);
    }

    /**
     * Loads the program from its source for the first time; it and every program reloaded after it answer text
     * queries with the given search.
     *
     * @throws ProgramLoadException when there is nothing valid to serve
     */
    public static CurrentProgram load(ProgramSource source, ProgramValidator validator, TextSearch search,
            Clock clock) throws ProgramLoadException {
        return load(source, validator, search, ProgramLimit.NONE, clock);
    }

    /**
     * Loads the program from its source for the first time; it and every program reloaded after it must also pass
     * the host's limit (a program that does not fit in the host's memory is refused before it is indexed).
     *
     * @throws ProgramLoadException when there is nothing valid to serve, or it does not pass the limit
     */
    public static CurrentProgram load(ProgramSource source, ProgramValidator validator, TextSearch search,
            ProgramLimit limit, Clock clock) throws ProgramLoadException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(limit, "limit");
        Instant at = clock.instant();
        Loaded loaded = read(source, validator, search, limit);
        ReloadResult result = new ReloadResult(true, loaded.program.version(), at, loaded.report);
        return new CurrentProgram(source, validator, search, limit, clock, loaded.program, result);
    }

    /** The program being served now. */
    @Override
    public Program get() {
        return served.get().program();
    }

    /** When the program being served was loaded. */
    public Instant loadedAt() {
        return served.get().loadedAt();
    }

    /** Where the program comes from. */
    public ProgramSource source() {
        return source;
    }

    /** What came of the last load or reload. */
    public ReloadResult lastReload() {
        return lastReload;
    }

    /**
     * Reads the source again and serves the new program if it is valid. Never throws for a bad program: the result
     * says why it was refused, and the previous program keeps serving. Reloads run one at a time.
     */
    public synchronized ReloadResult reload() {
        Instant at = clock.instant();
        ReloadResult result;
        try {
            Loaded loaded = read(source, validator, search, limit);
            served.set(new Served(loaded.program, at));
            result = new ReloadResult(true, loaded.program.version(), at, loaded.report);
        } catch (ProgramLoadException e) {
            result = new ReloadResult(false, get().version(), at, e.report());
        } catch (RuntimeException e) {
            // A source or index bug must not take down what is being served.
            result = new ReloadResult(false, get().version(), at, ValidationReport.failure(source.describe(), e));
        }
        lastReload = result;
        return result;
    }

    private record Loaded(Program program, ValidationReport report) {
    }

    private static Loaded read(ProgramSource source, ProgramValidator validator, TextSearch search,
            ProgramLimit limit) throws ProgramLoadException {
        ProgramData data = source.read();
        ValidationReport report = validator.validate(data).and(new ValidationReport(limit.check(data,
                source.describe())));
        if (report.hasErrors()) {
            throw new ProgramLoadException(source.describe(), report);
        }
        return new Loaded(Program.of(data, search), report);
    }
}
