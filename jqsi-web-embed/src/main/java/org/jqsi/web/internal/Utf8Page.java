package org.jqsi.web.internal;

import gg.jte.TemplateOutput;
import java.util.Arrays;

/**
 * A page rendered by jte straight into UTF-8 bytes, in one growing array: the bytes that
 * {@code String.getBytes(UTF_8)} would give for everything written (an unpaired surrogate becomes {@code ?}, as
 * there).
 *
 * <p>Why: a page of 50 activities is some 100 KB. Rendered into a {@code String}, it was copied each time the builder
 * grew, in UTF-16 once any character beyond Latin-1 appeared (« ’ », « — »), then encoded again; jte's own
 * {@code Utf8ByteOutput} makes an array (and often a substring) per piece written. jte still does all the escaping:
 * this only stores what it writes.
 */
final class Utf8Page implements TemplateOutput {

    private byte[] bytes;
    private int size;

    Utf8Page(int capacity) {
        bytes = new byte[capacity];
    }

    @Override
    public void writeContent(String value) {
        writeContent(value, 0, value.length());
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        // At most three bytes per char (a surrogate pair, two chars, takes four).
        room(3 * (endIndex - beginIndex));
        byte[] b = bytes;
        int n = size;
        for (int i = beginIndex; i < endIndex; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < endIndex
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int code = Character.toCodePoint(c, value.charAt(++i));
                b[n++] = (byte) (0xF0 | code >> 18);
                b[n++] = (byte) (0x80 | code >> 12 & 0x3F);
                b[n++] = (byte) (0x80 | code >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | code & 0x3F);
            } else if (Character.isSurrogate(c)) {
                b[n++] = '?';
            } else {
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        size = n;
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    /** What was written. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** How many bytes were written so far. */
    int size() {
        return size;
    }

    /** The bytes written from {@code from} (included) to {@code to} (excluded). */
    byte[] copy(int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    private void room(int more) {
        if (bytes.length - size < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
