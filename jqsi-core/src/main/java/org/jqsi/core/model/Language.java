package org.jqsi.core.model;

import java.util.Locale;
import java.util.Optional;

/** The two languages jqsi publishes in. French is the default, as the Charter of the French language asks. */
public enum Language {
    FR(Locale.CANADA_FRENCH),
    EN(Locale.CANADA);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /** The Canadian locale of this language, for formatting dates and messages. */
    public Locale locale() {
        return locale;
    }

    /** The ISO 639-1 code: {@code fr} or {@code en}. */
    public String code() {
        return locale.getLanguage();
    }

    /** The language of a locale or language tag, if it is one jqsi publishes in. */
    public static Optional<Language> of(Locale locale) {
        if (locale == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.code().equals(locale.getLanguage())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The language for a code such as {@code fr}, {@code en-CA} or {@code FR}. */
    public static Optional<Language> ofCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        // The two codes the widget's own links carry, without building a Locale (a widget request reads one).
        if (code.equals("fr")) {
            return Optional.of(FR);
        }
        if (code.equals("en")) {
            return Optional.of(EN);
        }
        return of(Locale.forLanguageTag(code.strip().replace('_', '-')));
    }
}
