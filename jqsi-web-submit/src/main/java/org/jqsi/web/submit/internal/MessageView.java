package org.jqsi.web.submit.internal;

/**
 * A page that only says something: a form refused (its token, its size, too many), or received.
 *
 * @param frame the page's frame
 * @param heading its heading
 * @param text what it says
 * @param href where to go next, or {@code null}
 * @param linkText the words of that link
 */
public record MessageView(PageFrame frame, String heading, String text, String href, String linkText) {
}
