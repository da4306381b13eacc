package org.jqsi.server.internal.cli;

import org.jqsi.core.validation.ControlCharacters;

/**
 * Text that users wrote (a submitter's organisation, an activity's title, a value quoted in a problem), made fit to
 * print on a terminal: every control character shown as an escape ({@code \u001B}, {@code \n}) instead of acting.
 * Raw, an ESC sequence sets the window's title, erases and rewrites the line or hides what follows, and a
 * right-to-left override reverses it; programs and submissions refuse them now ({@link ControlCharacters}), but a
 * database may hold some from before, and the command line shows whatever it holds.
 *
 * <p>Escaped: the C0 controls, DELETE, the C1 controls, and the bidirectional controls {@link ControlCharacters}
 * refuses (U+202A to U+202E, U+2066 to U+2069).
 */
final class TerminalText {

    private TerminalText() {
    }

    /**
     * A value shown on one line (a column of {@code submissions list}): line breaks and tabs are escaped too, so that
     * a value cannot make a row of its own.
     */
    static String field(CharSequence text) {
        return escape(text, false);
    }

    /**
     * Text of several lines (a message, a report, a note shown alone): line feeds stay, as does a carriage return
     * right before one (a Windows line end), and tabs, which only move the cursor right; every other control is
     * escaped.
     */
    static String lines(CharSequence text) {
        return escape(text, true);
    }

    private static String escape(CharSequence text, boolean keepLayout) {
        int first = firstToEscape(text, keepLayout);
        if (first < 0) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c) || keepLayout && isLayout(text, i)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.toString();
    }

    private static int firstToEscape(CharSequence text, boolean keepLayout) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) && !(keepLayout && isLayout(text, i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || ControlCharacters.isRefused(c);
    }

    /** A line feed, a tab, or a carriage return that ends a line with the line feed after it. */
    private static boolean isLayout(CharSequence text, int i) {
        char c = text.charAt(i);
        return c == '\n' || c == '\t' || c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
    }
}
