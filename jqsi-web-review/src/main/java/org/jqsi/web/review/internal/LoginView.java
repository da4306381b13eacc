package org.jqsi.web.review.internal;

/**
 * The log-in page.
 *
 * @param frame the page's frame
 * @param action where the form goes
 * @param csrf the form's CSRF token
 * @param email the address typed before, or {@code ""}
 * @param next the submission to show once logged in, or {@code null} for the list
 * @param problem why the last attempt failed, or {@code null}
 */
public record LoginView(PageFrame frame, String action, String csrf, String email, String next, String problem) {
}
