package org.jqsi.web.review.internal;

/**
 * A page that says why a request was not done (403, 404, 405, 503), with where to go.
 *
 * @param frame the page's frame
 * @param heading what happened
 * @param text why, and what to do
 * @param linkHref where to go, or {@code null}
 * @param linkText the link's words
 */
public record ProblemView(PageFrame frame, String heading, String text, String linkHref, String linkText) {
}
