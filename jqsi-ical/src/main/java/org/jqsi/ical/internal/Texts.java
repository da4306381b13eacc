package org.jqsi.ical.internal;

/** Plain text made fit for an iCalendar TEXT value, before iCal4j escapes it. */
public final class Texts {

    private Texts() {
    }

    /**
     * Line ends as single LF (escaped later as {@code \n}), and no other control character: RFC 5545 (3.3.11) forbids
     * them in TEXT, and a stray CR would end the content line. NEXT LINE (U+0085), LINE SEPARATOR (U+2028) and
     * PARAGRAPH SEPARATOR (U+2029) are line ends too: Unicode says so, and readers that split lines by it (JavaScript
     * ones among them) cut a DESCRIPTION there, leaving the rest of it as a broken content line.
     */
    public static String clean(String text) {
        boolean plain = true;
        for (int i = 0; i < text.length() && plain; i++) {
            char c = text.charAt(i);
            plain = (c >= 0x20 && c != 0x7f || c == '\n') && !isUnicodeLineEnd(c);
        }
        if (plain) {
            return text;
        }
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(lines.length());
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            if (c == '\n' || isUnicodeLineEnd(c)) {
                out.append('\n');
            } else if (c == '\t') {
                out.append(' ');
            } else if (c >= 0x20 && c != 0x7f) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isUnicodeLineEnd(char c) {
        return c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
