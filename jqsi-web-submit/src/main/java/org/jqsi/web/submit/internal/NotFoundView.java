package org.jqsi.web.submit.internal;

/**
 * The page for an address the API does not serve, and for a status key that opens no submission (the same page, so
 * that a key that was never given and one mistyped cannot be told apart).
 *
 * @param frame the page's frame
 * @param guideHref where to read how to submit
 */
public record NotFoundView(PageFrame frame, String guideHref) {
}
