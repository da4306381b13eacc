package org.jqsi.web.internal;

import java.util.List;
import org.jqsi.core.model.Language;

/** A request the widget refuses, with every problem found and the language to explain them in. */
public final class InvalidRequest extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ParameterProblem> problems;
    private final Language language;

    public InvalidRequest(Language language, List<ParameterProblem> problems) {
        super(problems.toString(), null, false, false);
        this.language = language;
        this.problems = List.copyOf(problems);
    }

    public List<ParameterProblem> problems() {
        return problems;
    }

    public Language language() {
        return language;
    }
}
