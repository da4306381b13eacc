package org.jqsi.core.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for matching the way people type in a search box: no case, no accents, ligatures spelt out, no
 * apostrophes ("Œuvre" and "oeuvre" meet, so do "réfugiés" and "REFUGIES", and "P'tites" and "ptites").
 */
public final class AccentFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private AccentFolding() {
    }

    /** The folded form of a text: lower case, without diacritics or apostrophes, with œ/æ/ß expanded. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (isPlainAscii(lower) && lower.indexOf('\'') < 0) {
            return lower;
        }
        // NFKD splits accents off their letters (and compatibility forms such as "ﬁ"); ligatures are not split by it.
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
        String stripped = MARKS.matcher(decomposed).replaceAll("");
        StringBuilder out = new StringBuilder(stripped.length() + 4);
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            switch (c) {
                case 'œ' -> out.append("oe");
                case 'æ' -> out.append("ae");
                case 'ß' -> out.append("ss");
                case '\'', '’', '‘', 'ʼ' -> {
                    // Elisions: "P'tites Vues" is found by "ptites", and "l'égalité" by "egalite".
                }
                case '–', '—', '‐', '‑' -> out.append('-');
                case '\u00A0', '\u202F' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
