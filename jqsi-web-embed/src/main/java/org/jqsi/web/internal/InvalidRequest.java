package org.jqsi.web.internal;

import java.util.List;
import org.jqsi.core.model.Language;
import org.jqsi.core.validation.Problem;

/**
 * A request the widget refuses, with every problem found and the language to explain them in. Each problem is
 * {@linkplain Problem#where() where} a parameter's name says, or {@link RequestReader#WHOLE_REQUEST}.
 */
final class InvalidRequest extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;
    private final Language language;

    public InvalidRequest(Language language, List<Problem> problems) {
        super(problems.toString(), null, false, false);
        this.language = language;
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    public Language language() {
        return language;
    }
}
