package org.jqsi.json.internal;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import org.jqsi.core.validation.ControlCharacters;

/**
 * JSON text given as characters (a {@link String}), checked as {@link StrictUtf8Input} checks bytes: a lone surrogate,
 * as a character or as an escape ({@code "\ud800"}), is no character and ends the reading at its line and column.
 */
public final class StrictTextReader extends FilterReader {

    private final EscapedSurrogates escapes = new EscapedSurrogates();
    private int line = 1;
    private int column;
    private int high = -1;
    private int highLine;
    private int highColumn;

    public StrictTextReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = super.read(cbuf, off, len);
        if (n < 0) {
            if (high >= 0) {
                throw lone(high, highLine, highColumn);
            }
            return n;
        }
        for (int i = off; i < off + n; i++) {
            accept(cbuf[i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        char[] buffer = new char[(int) Math.min(n, 8192)];
        return Math.max(read(buffer, 0, buffer.length), 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void accept(char c) throws MalformedText {
        if (high >= 0) {
            if (!Character.isLowSurrogate(c)) {
                throw lone(high, highLine, highColumn);
            }
            escapes.next(Character.toCodePoint((char) high, c), highLine, highColumn);
            high = -1;
            return;
        }
        column++;
        if (Character.isHighSurrogate(c)) {
            high = c;
            highLine = line;
            highColumn = column;
            return;
        }
        if (Character.isLowSurrogate(c)) {
            throw lone(c, line, column);
        }
        escapes.next(c, line, column);
        if (c == '\n') {
            line++;
            column = 0;
        }
    }

    private static MalformedText lone(int unit, int line, int column) {
        return new MalformedText(JsonProblems.SYNTAX, line, column, "syntax.lone-surrogate-character",
                ControlCharacters.name(unit));
    }
}
