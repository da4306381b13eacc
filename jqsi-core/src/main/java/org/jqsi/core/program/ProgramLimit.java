package org.jqsi.core.program;

import java.util.List;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.validation.Problem;

/**
 * What a host checks of a program before it serves it, beside the program's own rules: that the program fits in the
 * memory the host has, for one (jqsi-server's heap rule). {@link CurrentProgram} checks it on the first load and on
 * every reload, before indexing: an error refuses the program, and on a reload the previous one keeps serving.
 */
@FunctionalInterface
public interface ProgramLimit {

    /** No limit. */
    ProgramLimit NONE = (program, where) -> List.of();

    /**
     * The problems the host finds in a program; an error refuses it.
     *
     * @param where the program's source, as it describes itself, for the problems' place
     */
    List<Problem> check(ProgramData program, String where);
}
