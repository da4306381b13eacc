package org.jqsi.web.review.internal;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * The texts of the reviewers' pages, in French and English, from the bundle
 * {@code org/jqsi/web/review/internal/messages*.properties} (read through this module, so that it is found on the
 * module path as on the class path). Values are {@link MessageFormat} patterns.
 */
public final class ReviewMessages {

    private static final String BUNDLE = "org.jqsi.web.review.internal.messages";

    private final Language language;

    private ReviewMessages(Language language) {
        this.language = language;
    }

    /** The texts in a language, for templates. */
    public static ReviewMessages in(Language language) {
        return new ReviewMessages(language);
    }

    /** The language of these texts. */
    public Language language() {
        return language;
    }

    /** A text of this language, with its arguments put in: plain text, which the templates escape. */
    public String t(String key, Object... args) {
        return message(language, key, args);
    }

    /** A text in a language, with its arguments put in; an argument that is a {@link LocalizedText} in that one. */
    static String message(Language language, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ReviewMessages.class.getModule());
        Object[] values = args.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof LocalizedText text) {
                values[i] = text.in(language);
            }
        }
        return new MessageFormat(bundle.getString(key), language.locale()).format(values);
    }
}
