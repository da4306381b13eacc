package org.jqsi.web.internal;

/**
 * An activity's own page.
 *
 * @param frame the page around it, with its JSON-LD
 * @param activity the activity
 * @param edition the edition it belongs to, in words
 * @param backHref the widget's list
 */
public record ActivityPageView(PageFrame frame, ActivityCard activity, String edition, String backHref) {
}
