package org.jqsi.bench;

import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.GeneratedProgram;

/**
 * The programs the benchmarks run on, made by the core tests' generator ({@link GeneratedProgram}, from the
 * {@code jqsi-core} test-jar): editions 2019 to 2023, the 17 regions (and some province-wide), every kind, in person,
 * online or hybrid, French accents, 5 % cancelled, windows of days, some "to be announced", some on the Magdalen
 * Islands' time. The same size gives the same program (fixed seed).
 */
public final class Programs {

    /** The sizes the benchmarks run with. */
    public static final int SMALL = 1_000;
    public static final int MEDIUM = 10_000;
    public static final int LARGE = 100_000;

    /** The seed of every benchmark program. */
    public static final long SEED = 2021L;

    /** An edition that every generated program has (2019 to 2023). */
    public static final String EDITION = "jqsi-2021";

    private Programs() {
    }

    public static ProgramData data(int size) {
        return GeneratedProgram.of(size, SEED);
    }

    public static Program of(int size) {
        return Program.of(data(size));
    }
}
