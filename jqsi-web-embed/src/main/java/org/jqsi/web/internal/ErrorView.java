package org.jqsi.web.internal;

import java.util.List;
import org.jqsi.core.model.Language;

/**
 * A page that says what went wrong.
 *
 * @param frame the page around the message
 * @param status the HTTP status
 * @param heading what went wrong
 * @param problems the problems, one per parameter, as plain text (the template escapes them)
 * @param backHref the widget with no filter
 * @param fragment whether to render only the message, for inline embedding, without the page around it
 */
public record ErrorView(PageFrame frame, int status, String heading, List<Problem> problems, String backHref,
        boolean fragment) {

    /**
     * One problem.
     *
     * @param parameter the parameter's name, or {@code null}
     * @param message what is wrong with it
     */
    public record Problem(String parameter, String message) {

        /** The problems of a refused request, in a language. */
        static List<Problem> all(List<org.jqsi.core.validation.Problem> problems, Language language) {
            return problems.stream()
                    .map(p -> new Problem(RequestReader.WHOLE_REQUEST.equals(p.where()) ? null : p.where(),
                            p.message(language)))
                    .toList();
        }
    }
}
