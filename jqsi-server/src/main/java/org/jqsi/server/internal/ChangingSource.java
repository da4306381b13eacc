package org.jqsi.server.internal;

import org.jqsi.core.program.ProgramSource;

/** A program source that can tell cheaply whether it changed since it was last read. */
public interface ChangingSource extends ProgramSource {

    /**
     * The largest program file read, from a file or a URL: a program of 100,000 activities is about 60 MB; a larger
     * file is a mistake (a log, a dump written to the wrong path) or an endless answer, which would otherwise be read
     * whole, taking seconds and the program's weight in memory, before being refused.
     */
    long MAX_PROGRAM_BYTES = 64L * 1024 * 1024;

    /** Whether a read now would give something other than the last read gave (true when unsure). */
    boolean hasChanged();
}
