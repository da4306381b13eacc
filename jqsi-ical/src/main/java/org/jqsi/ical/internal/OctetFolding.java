package org.jqsi.ical.internal;

import java.io.IOException;

/**
 * Folds iCalendar content lines the way RFC 5545 (3.1) asks: no line longer than 75 octets of UTF-8, excluding the
 * CRLF; a long line goes on in continuation lines that start with one space, which counts in the 75; a multi-octet
 * character, or a surrogate pair, is never cut.
 *
 * <p>iCal4j's own folding counts characters, so accented text ("une œuvre à la fois") came out over 75 octets: jqsi
 * takes iCal4j's unfolded lines and folds them here.
 */
public final class OctetFolding {

    /** The most octets a line may hold, CRLF excluded. */
    public static final int MAX_OCTETS = 75;

    private OctetFolding() {
    }

    /**
     * Appends unfolded content lines, each ended by CRLF (a lone LF is taken as a line end too), folded and with
     * CRLF line ends.
     */
    public static void appendFolded(CharSequence unfolded, Appendable out) throws IOException {
        int length = unfolded.length();
        int lineStart = 0;
        for (int i = 0; i < length; i++) {
            char c = unfolded.charAt(i);
            if (c == '\n') {
                int end = i > lineStart && unfolded.charAt(i - 1) == '\r' ? i - 1 : i;
                appendLine(unfolded, lineStart, end, out);
                lineStart = i + 1;
            }
        }
        if (lineStart < length) {
            appendLine(unfolded, lineStart, length, out);
        }
    }

    /** Appends one content line (without its line end), folded, then CRLF. */
    public static void appendLine(CharSequence text, int from, int to, Appendable out) throws IOException {
        int octets = 0;
        int chunkStart = from;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            int width;
            int chars;
            if (c < 0x80) {
                width = 1;
                chars = 1;
            } else if (c < 0x800) {
                width = 2;
                chars = 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                width = 4;
                chars = 2;
            } else {
                width = 3;
                chars = 1;
            }
            if (octets + width > MAX_OCTETS) {
                out.append(text, chunkStart, i).append("\r\n ");
                chunkStart = i;
                octets = 1;
            }
            octets += width;
            i += chars;
        }
        out.append(text, chunkStart, to).append("\r\n");
    }
}
