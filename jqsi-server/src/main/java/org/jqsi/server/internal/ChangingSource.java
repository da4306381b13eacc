package org.jqsi.server.internal;

import org.jqsi.core.program.ProgramSource;

/** A program source that can tell cheaply whether it changed since it was last read. */
public interface ChangingSource extends ProgramSource {

    /** Whether a read now would give something other than the last read gave (true when unsure). */
    boolean hasChanged();
}
