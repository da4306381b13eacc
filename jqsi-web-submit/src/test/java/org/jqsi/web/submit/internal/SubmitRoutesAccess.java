package org.jqsi.web.submit.internal;

import org.jqsi.core.program.Program;

/** Lets the tests of the public package read the guide's example. */
public final class SubmitRoutesAccess {

    private SubmitRoutesAccess() {
    }

    public static String example(Program program) {
        return SubmitRoutes.example(program);
    }
}
