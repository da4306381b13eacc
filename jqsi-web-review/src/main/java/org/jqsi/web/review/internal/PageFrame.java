package org.jqsi.web.review.internal;

import org.jqsi.core.model.Language;

/**
 * What every page shares: its language and texts, its title, the link to the same page in the other language, and,
 * once logged in, who is and the log-out form. Read by the templates.
 *
 * @param t the texts in the page's language
 * @param title the page's title, plain text
 * @param otherLanguageHref the same page in the other language (a relative address with {@code ?lang=})
 * @param account the address of the account logged in, or {@code null} on the log-in page
 * @param logOutAction where the log-out form goes, or {@code null}
 * @param csrf the session's CSRF token for the log-out form, or {@code null}
 * @param listHref the list of submissions, or {@code null}
 */
public record PageFrame(ReviewMessages t, String title, String otherLanguageHref, String account, String logOutAction,
        String csrf, String listHref) {

    /** A page seen without a session. */
    static PageFrame anonymous(ReviewMessages t, String title, String otherLanguageHref) {
        return new PageFrame(t, title, otherLanguageHref, null, null, null, null);
    }

    /** The page's {@code lang}. */
    public String htmlLang() {
        return t.language() == Language.FR ? "fr-CA" : "en-CA";
    }

    /** The other language's code, for the link's {@code hreflang}. */
    public String otherLanguage() {
        return t.language() == Language.FR ? "en" : "fr";
    }

    /** The other language's name, in that language. */
    public String otherLanguageName() {
        return t.language() == Language.FR ? "English" : "Français";
    }

    /** The pages' own style sheet, inline and allowed by its hash. */
    public String style() {
        return PageStyle.CSS;
    }

    /** The widget's style sheet, for the previews. */
    public String widgetStyle() {
        return PageStyle.WIDGET_CSS;
    }
}
