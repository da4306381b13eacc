package org.jqsi.core.internal;

import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.validation.Location;
import org.jqsi.core.validation.Problem;

/** The problems a set of rules finds, worded in French and English from jqsi's message bundles. */
final class RuleFindings {

    private final List<Problem> problems = new ArrayList<>(0);

    void error(String path, String code, Object... args) {
        problems.add(Problem.error(Location.path(path), code, JqsiMessageBundles.rule(code, args)));
    }

    /** A problem worded elsewhere: by the rule that owns its message ({@code ControlCharacters}). */
    void add(Problem problem) {
        problems.add(problem);
    }

    void warning(String path, String code, Object... args) {
        problems.add(Problem.warning(Location.path(path), code, JqsiMessageBundles.rule(code, args)));
    }

    List<Problem> problems() {
        return problems;
    }
}
