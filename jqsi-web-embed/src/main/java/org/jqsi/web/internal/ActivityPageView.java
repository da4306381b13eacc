package org.jqsi.web.internal;

/**
 * An activity's own page.
 *
 * @param frame the page around it, with its JSON-LD
 * @param activity the activity
 * @param edition the edition it belongs to, in words
 * @param backHref the widget's list, with the filters the visitor came with
 * @param fragment whether to render only the widget's part, for the inline widget, without the page around it
 */
public record ActivityPageView(PageFrame frame, ActivityCard activity, String edition, String backHref,
        boolean fragment) {
}
