package org.jqsi.web;

import java.util.Objects;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.Program;
import org.jqsi.web.internal.CardPreview;

/**
 * An activity as the widget will show it, for pages outside the widget (the reviewers' pages show a proposed
 * activity before it is published): the widget's own card, from its own template and texts, without a link into
 * the widget nor "add to my calendar". The HTML needs the widget's style sheet ({@link #styleSheet()}) and an
 * ancestor of class {@code jqsi}. Thread-safe.
 *
 * <pre>{@code
 * String html = new ActivityPreview().html(program, activity, Language.FR);
 * }</pre>
 */
public final class ActivityPreview {

    private final CardPreview cards = new CardPreview();

    /**
     * The activity's card in a language: an {@code <article>} whose title is an {@code <h1>}, every text escaped.
     *
     * @param program the program whose partners the card names (an activity's partners are named by their short
     *     names there; an id the program lacks is shown as it is)
     */
    public String html(Program program, Activity activity, Language language) {
        return cards.html(Objects.requireNonNull(program, "program"), Objects.requireNonNull(activity, "activity"),
                Objects.requireNonNull(language, "language"));
    }

    /** The widget's style sheet, as text: what the cards look like inside an element of class {@code jqsi}. */
    public static String styleSheet() {
        return CardPreview.styleSheet();
    }
}
