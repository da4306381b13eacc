package org.jqsi.core.validation;

import java.util.Optional;
import org.jqsi.core.internal.JqsiMessageBundles;

/**
 * The characters no text of a program or a submission may hold: controls, which say nothing to a reader and act on
 * whatever shows the text (an ESC sequence sets a terminal's title or erases its line; BEL rings; NUL ends a C string),
 * and the bidirectional controls that reorder what follows them, so that a text reads otherwise than it is written.
 *
 * <p>Refused, by Unicode's general categories and UAX #9:
 * <ul>
 *   <li>the C0 controls (category Cc, U+0000 to U+001F) but LINE FEED (U+000A) and TAB (U+0009), which is how the
 *       program format writes a text of several lines ({@code \n}, {@code \t}), and CARRIAGE RETURN (U+000D): an HTML
 *       form sends a textarea's line breaks as CR LF (the submission form keeps what was typed), a program file may
 *       write {@code \r\n} and always could, and every writer already makes them single line breaks (the iCalendar
 *       feed's {@code Texts}) or treats them as one (HTML);
 *   <li>DELETE and the C1 controls (category Cc, U+007F to U+009F);
 *   <li>the explicit embeddings, overrides and isolates of UAX #9 (category Cf, U+202A to U+202E and U+2066 to
 *       U+2069): a {@code RIGHT-TO-LEFT OVERRIDE} turns {@code txt.exe} into {@code exe.txt} on screen. The marks
 *       U+200E and U+200F, which Arabic and Hebrew text may need and which reorder nothing but neutral characters
 *       beside them, are allowed.
 * </ul>
 *
 * <p>The check is one pass over a text's {@code char}s: it runs on every text of every activity of programs of a
 * hundred thousand activities. Every refused character is in the Basic Multilingual Plane, so surrogates never match.
 */
public final class ControlCharacters {

    /** The code of the problem {@link #check} reports. */
    public static final String CODE = "text.control-character";

    private ControlCharacters() {
    }

    /** Whether a text may not hold this character. */
    public static boolean isRefused(int c) {
        if (c < 0x20) {
            return c != '\n' && c != '\t' && c != '\r';
        }
        if (c < 0x7F) {
            return false;
        }
        if (c <= 0x9F) {
            return true;
        }
        return c >= 0x202A && (c <= 0x202E || c >= 0x2066 && c <= 0x2069);
    }

    /** The index (in {@code char}s) of the first character a text may not hold, or -1 when it holds none. */
    public static int firstRefused(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (isRefused(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The problem of a text that holds a character it may not: an error at {@code path}, of code {@value #CODE}, whose
     * message names the first such character ({@code U+001B}) and its place in the text, counted in characters as
     * people count them (an emoji is one) from 1.
     *
     * @param path where the text is ({@code activities[3].title.fr}, {@code submitter.organisation})
     * @param text the text, or {@code null} (no problem)
     * @return the problem, or nothing when the text holds no such character
     */
    public static Optional<Problem> check(String path, String text) {
        int index = text == null ? -1 : firstRefused(text);
        if (index < 0) {
            return Optional.empty();
        }
        int position = Character.codePointCount(text, 0, index) + 1;
        return Optional.of(Problem.error(Location.path(path), CODE,
                JqsiMessageBundles.rule(CODE, name(text.charAt(index)), position)));
    }

    /** A character as Unicode names its code point: {@code U+001B}. */
    public static String name(int c) {
        return String.format("U+%04X", c);
    }
}
