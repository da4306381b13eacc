package org.jqsi.json.internal;

/**
 * Follows the characters of JSON text to find an escape of half a surrogate pair without its other half
 * ({@code "\ud800"}, {@code "\udc00x"}): Jackson reads it as a lone surrogate, which is no character, and which every
 * output then shows as {@code ?} or {@code \uD800}. Everything else that is wrong with escapes is left to the parser.
 */
final class EscapedSurrogates {

    private static final int OUTSIDE = 0;
    private static final int IN_TEXT = 1;
    private static final int AFTER_BACKSLASH = 2;
    private static final int IN_U = 3;

    private int state = OUTSIDE;
    private int digits;
    private int value;
    private int escapeLine;
    private int escapeColumn;
    /** A high surrogate escape read, waiting for its low half; where it was, and its value. */
    private boolean highPending;
    private int highLine;
    private int highColumn;
    private int highValue;

    /**
     * Whether any character other than a quote or a backslash would leave this state as it is: outside a string, or
     * inside one with no escape begun and no high surrogate waiting for its low half.
     */
    boolean plain() {
        return (state == OUTSIDE || state == IN_TEXT) && !highPending;
    }

    /** One character (a code point) of the text, at {@code line:column}. */
    void next(int c, int line, int column) throws MalformedText {
        switch (state) {
            case OUTSIDE -> {
                if (c == '"') {
                    state = IN_TEXT;
                }
            }
            case IN_TEXT -> {
                if (c == '\\') {
                    state = AFTER_BACKSLASH;
                    escapeLine = line;
                    escapeColumn = column;
                    return;
                }
                loneHighIfPending();
                if (c == '"') {
                    state = OUTSIDE;
                }
            }
            case AFTER_BACKSLASH -> {
                if (c == 'u') {
                    state = IN_U;
                    digits = 0;
                    value = 0;
                } else {
                    loneHighIfPending();
                    state = IN_TEXT;
                }
            }
            default -> {
                int digit = Character.digit(c, 16);
                if (digit < 0 || c > 'f') {
                    // Not an escape: the parser says so.
                    highPending = false;
                    state = IN_TEXT;
                    return;
                }
                value = value * 16 + digit;
                if (++digits == 4) {
                    state = IN_TEXT;
                    unit(value);
                }
            }
        }
    }

    private void unit(int unit) throws MalformedText {
        if (Character.isHighSurrogate((char) unit)) {
            loneHighIfPending();
            highPending = true;
            highLine = escapeLine;
            highColumn = escapeColumn;
            highValue = unit;
        } else if (Character.isLowSurrogate((char) unit)) {
            if (!highPending) {
                throw lone(unit, escapeLine, escapeColumn);
            }
            highPending = false;
        } else {
            loneHighIfPending();
        }
    }

    private void loneHighIfPending() throws MalformedText {
        if (highPending) {
            throw lone(highValue, highLine, highColumn);
        }
    }

    private static MalformedText lone(int unit, int line, int column) {
        return new MalformedText(JsonProblems.SYNTAX, line, column, "syntax.lone-surrogate",
                String.format("\\u%04x", unit));
    }
}
