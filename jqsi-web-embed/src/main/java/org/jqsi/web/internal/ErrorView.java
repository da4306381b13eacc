package org.jqsi.web.internal;

import java.util.List;

/**
 * A page that says what went wrong.
 *
 * @param frame the page around the message
 * @param status the HTTP status
 * @param heading what went wrong
 * @param problems the problems, one per parameter, as plain text (the template escapes them)
 * @param backHref the widget with no filter
 */
public record ErrorView(PageFrame frame, int status, String heading, List<Problem> problems, String backHref) {

    /**
     * One problem.
     *
     * @param parameter the parameter's name, or {@code null}
     * @param message what is wrong with it
     */
    public record Problem(String parameter, String message) {
    }
}
