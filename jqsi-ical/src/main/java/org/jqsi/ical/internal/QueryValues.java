package org.jqsi.ical.internal;

/**
 * A value in a link's query string, percent-encoded as UTF-8: the same text as
 * {@code URLEncoder.encode(value, UTF_8)}, with a space written {@code %20} rather than {@code +} (Outlook shows a
 * {@code +} literally). Letters, digits and {@code . - * _} stay as they are; an unpaired surrogate is written as
 * {@code ?} was, as {@code URLEncoder} does.
 *
 * <p>Why not {@code URLEncoder}: a widget page carries two such links for each of its 50 activities, with their
 * descriptions; {@code URLEncoder} goes through a character encoder and a writer for each run of characters to
 * encode, then the {@code +} had to be replaced in a second pass. This is one pass into the caller's builder.
 */
public final class QueryValues {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryValues() {
    }

    /** For each ASCII character: itself when it stays, else its percent-encoding (a space is %20). */
    private static final String[] ASCII = new String[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            boolean stays = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
                    || c == '-' || c == '*' || c == '_';
            ASCII[c] = stays ? String.valueOf(c) : "%" + HEX[c >> 4] + HEX[c & 0xF];
        }
    }

    /** Appends the encoded value to {@code out}. */
    public static void append(StringBuilder out, String value) {
        out.ensureCapacity(out.length() + value.length() + 16);
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                out.append(ASCII[c]);
            } else if (c < 0x800) {
                percent(out, 0xC0 | c >> 6);
                percent(out, 0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int code = Character.toCodePoint(c, value.charAt(++i));
                percent(out, 0xF0 | code >> 18);
                percent(out, 0x80 | code >> 12 & 0x3F);
                percent(out, 0x80 | code >> 6 & 0x3F);
                percent(out, 0x80 | code & 0x3F);
            } else if (Character.isSurrogate(c)) {
                out.append("%3F");
            } else {
                percent(out, 0xE0 | c >> 12);
                percent(out, 0x80 | c >> 6 & 0x3F);
                percent(out, 0x80 | c & 0x3F);
            }
        }
    }

    private static void percent(StringBuilder out, int octet) {
        out.append('%').append(HEX[octet >> 4 & 0xF]).append(HEX[octet & 0xF]);
    }
}
