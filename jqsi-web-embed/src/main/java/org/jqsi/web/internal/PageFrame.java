package org.jqsi.web.internal;

/**
 * What every full page of the widget has around its content.
 *
 * @param t the labels in the page's language
 * @param htmlLang the page's language tag ({@code fr-CA})
 * @param title the page's title
 * @param stylesheet the versioned stylesheet
 * @param script the versioned script that sizes the frame and applies the host's theme
 * @param layout full or compact, as a CSS class
 * @param otherLanguageHref the same page in the other language
 * @param otherLanguage the other language's code ({@code en})
 * @param otherLanguageName the other language's name, in that language ("English")
 * @param jsonLd the page's schema.org description, ready for a {@code <script type="application/ld+json">}, or
 *     {@code null}
 */
public record PageFrame(
        Messages t,
        String htmlLang,
        String title,
        String stylesheet,
        String script,
        String layout,
        String otherLanguageHref,
        String otherLanguage,
        String otherLanguageName,
        JsonLd jsonLd) {
}
