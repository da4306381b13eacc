package org.jqsi.web.internal;

import gg.jte.support.LocalizationSupport;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * The widget's labels in one language, from {@code messages_fr.properties} and {@code messages_en.properties}.
 * Templates call {@link #localize(String, Object...)}, which escapes the arguments; Java code calls
 * {@link #text(String, Object...)} for plain text that a template will escape later.
 */
public final class Messages implements LocalizationSupport {

    private static final String BUNDLE = "org.jqsi.web.internal.messages";
    private static final Map<Language, Messages> ALL = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            // Both bundles exist, so the lookup never falls back to the JVM's default locale.
            ALL.put(language, new Messages(language,
                    ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language.code()))));
        }
    }

    private final Language language;
    /**
     * Every label of the bundle and of its parents, read once: {@link ResourceBundle#getString} walks the chain of
     * bundles and goes through a concurrent map for each of the ~100 labels of a page (1 % of a fresh page's CPU).
     */
    private final Map<String, String> labels;

    private Messages(Language language, ResourceBundle bundle) {
        this.language = language;
        // Interned: the templates ask with string literals, which then match by identity before comparing chars.
        Map<String, String> labels = new HashMap<>();
        for (String key : bundle.keySet()) {
            labels.put(key.intern(), bundle.getString(key));
        }
        this.labels = labels;
    }

    /** The labels in a language. */
    public static Messages of(Language language) {
        return ALL.get(language);
    }

    /** A message in French and in English, for what keeps both (a {@link org.jqsi.core.validation.Problem}). */
    static LocalizedText inBothLanguages(String key, Object... args) {
        return LocalizedText.of(of(Language.FR).text(key, args), of(Language.EN).text(key, args));
    }

    /** The language of these labels. */
    public Language language() {
        return language;
    }

    /** The label for a key; a missing key is a bug, and shows as the key rather than failing the page. */
    @Override
    public String lookup(String key) {
        return labels.getOrDefault(key, key);
    }

    /** The label for a key with {@code {0}}, {@code {1}}... replaced by the arguments, as plain text. */
    public String text(String key, Object... args) {
        String pattern = lookup(key);
        if (args.length == 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && close <= i + 3) {
                // One or two digits between the braces (read here rather than by a stream and parseInt: this runs
                // for most texts of every card of a page).
                int index = digits(pattern, i + 1, close);
                if (index >= 0 && index < args.length) {
                    out.append(args[index]);
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The number the characters from {@code start} to {@code end} spell, or {@code -1} if one is not a digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            int digit = Character.digit(text.charAt(i), 10);
            if (digit < 0 || !Character.isDigit(text.charAt(i))) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
