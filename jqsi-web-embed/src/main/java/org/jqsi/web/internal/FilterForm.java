package org.jqsi.web.internal;

import gg.jte.Content;
import java.util.List;

/**
 * The filter form, filled with the request's values. A plain GET form: it works with no script.
 *
 * @param action where it is sent
 * @param resetHref the widget with no filter
 * @param editions the editions to choose from, each an {@code <option>} rendered ({@link RenderedChoices})
 * @param regions the regions, the same way
 * @param kinds the kinds of activity, the same way
 * @param modes the ways of attending, the same way
 * @param languages the activities' languages, the same way
 * @param from the first day, ISO, or empty
 * @param to the last day, ISO, or empty
 * @param text the words searched for, or empty
 * @param free whether only free activities are asked for
 * @param hidden the filters the form has no control for, kept as they are
 * @param accessibility the accessibility features to require, each a check box rendered
 * @param toggle the words of the control that folds the form on small screens, with how many filters are set
 *     ("Filtres (2)")
 */
public record FilterForm(
        String action,
        String resetHref,
        List<Content> editions,
        List<Content> regions,
        List<Content> kinds,
        List<Content> modes,
        List<Content> languages,
        String from,
        String to,
        String text,
        boolean free,
        List<Hidden> hidden,
        List<Content> accessibility,
        String toggle) {

    /** A choice in a list or a check box, as {@code tag/option.jte} and {@code tag/check.jte} render it. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A value the form carries without showing it. */
    public record Hidden(String name, String value) {
    }
}
