package org.jqsi.web.internal;

import java.util.List;
import org.jqsi.core.model.Language;
import org.jqsi.core.validation.Problem;

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
public record ErrorView(PageFrame frame, int status, String heading, List<Explanation> problems, String backHref,
        boolean fragment) {

    /**
     * One problem, as the page shows it.
     *
     * @param parameter the parameter's name, or {@code null}
     * @param message what is wrong with it
     */
    public record Explanation(String parameter, String message) {

        /** The problems of a refused request, in a language. */
        static List<Explanation> all(List<Problem> problems, Language language) {
            return problems.stream()
                    .map(p -> new Explanation(RequestReader.WHOLE_REQUEST.equals(p.where()) ? null : p.where(),
                            p.message(language)))
                    .toList();
        }
    }
}
