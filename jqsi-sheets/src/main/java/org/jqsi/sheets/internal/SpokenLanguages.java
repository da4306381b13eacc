package org.jqsi.sheets.internal;

import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jqsi.core.model.Language;

/**
 * The languages an activity is held in, as a sheet names them: a language tag ({@code fr}, {@code fr-CA},
 * {@code es}) or a language's name in French or English (« espagnol », "Spanish"), with Quebec and American sign
 * languages by their usual initials (LSQ, ASL).
 */
final class SpokenLanguages {

    private static final Map<String, Locale> BY_NAME = new HashMap<>();

    static {
        put("fcs", "LSQ", "langue des signes québécoise", "Quebec Sign Language");
        put("ase", "ASL", "langue des signes américaine", "American Sign Language");
        for (String code : Locale.getISOLanguages()) {
            Locale language = Locale.forLanguageTag(code);
            put(code, language.getDisplayLanguage(Locale.CANADA_FRENCH), language.getDisplayLanguage(Locale.ENGLISH));
        }
    }

    private SpokenLanguages() {
    }

    private static void put(String tag, String... names) {
        Locale language = Locale.forLanguageTag(tag);
        BY_NAME.putIfAbsent(Headers.fold(tag), language);
        for (String name : names) {
            BY_NAME.putIfAbsent(Headers.fold(name), language);
        }
    }

    /** The language a cell's item names. */
    static Optional<Locale> find(String text) {
        Locale named = BY_NAME.get(Headers.fold(text));
        if (named != null) {
            return Optional.of(named);
        }
        String tag = text.strip().replace('_', '-');
        if (!tag.matches("[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})+")) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return BY_NAME.containsKey(Headers.fold(locale.getLanguage())) ? Optional.of(locale) : Optional.empty();
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    /** How the template writes a language: its name in the language of the template (« français »), else its tag. */
    static String label(Locale language, Language in) {
        if (!language.getCountry().isEmpty() || !language.getScript().isEmpty() || !language.getVariant().isEmpty()) {
            return language.toLanguageTag();
        }
        String name = language.getDisplayLanguage(in.locale());
        return name.isEmpty() || name.equals(language.getLanguage()) ? language.toLanguageTag() : name;
    }
}
