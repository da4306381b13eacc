package org.jqsi.web.submit.internal;

import org.jqsi.core.model.Language;

/**
 * What every page of the API shares: its language and texts, its title, and the link to the same page in the other
 * language. Read by the templates.
 *
 * @param t the texts in the page's language
 * @param title the page's title, plain text
 * @param otherLanguageHref the same page in the other language (a relative address with {@code ?lang=})
 */
public record PageFrame(SubmitMessages t, String title, String otherLanguageHref) {

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

    /** The pages' style sheet, inline and allowed by its hash ({@link PageStyle}). */
    public String style() {
        return PageStyle.CSS;
    }
}
