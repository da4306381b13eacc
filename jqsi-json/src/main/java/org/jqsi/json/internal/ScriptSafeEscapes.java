package org.jqsi.json.internal;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON escapes for text that ends up inside an HTML {@code <script>} element: {@code <}, {@code >} and {@code &} are
 * written as {@code \u003c}, {@code \u003e} and {@code \u0026}, so that no title can close the script
 * ({@code </script>}) or open a comment; LINE SEPARATOR and PARAGRAPH SEPARATOR (U+2028, U+2029) as JSON escapes
 * too, since JavaScript, unlike JSON, ends lines at them. Everything else is standard JSON. Each character
 * is escaped once, by the generator: the text needs no second pass.
 */
public final class ScriptSafeEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    private final int[] escapes;

    public ScriptSafeEscapes() {
        escapes = CharacterEscapes.standardAsciiEscapesForJSON();
        escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
        escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
        escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return escapes;
    }

    /** Jackson asks this for every character above ASCII. */
    @Override
    public SerializableString getEscapeSequence(int ch) {
        return switch (ch) {
            case '\u2028' -> LINE_SEPARATOR;
            case '\u2029' -> PARAGRAPH_SEPARATOR;
            default -> null;
        };
    }
}
