package org.jqsi.web.submit.internal;

/**
 * The page of the submission form ({@code GET /submit/}).
 *
 * @param frame the page's frame
 * @param form the form
 * @param apiHref where the JSON API is explained, for organisations that submit from their own tools
 */
public record FormPageView(PageFrame frame, FormView form, String apiHref) {
}
