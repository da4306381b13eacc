package org.jqsi.json.internal;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * JSON escapes for text that ends up inside an HTML {@code <script>} element: {@code <}, {@code >} and {@code &} are
 * written as {@code \u003c}, {@code \u003e} and {@code \u0026}, so that no title can close the script
 * ({@code </script>}) or open a comment. Everything else is standard JSON.
 */
public final class ScriptSafeEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

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

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return null;
    }
}
