package org.jqsi.server.internal.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The command line's standard output and error: everything a command says goes through {@link TerminalText#lines},
 * so that no control character from a program, a submission or the database reaches the terminal raw, whichever
 * command prints it and however (a message quoting a value, a validation report, a picocli error echoing an
 * argument). Output that is a document ({@code jqsi export} to standard output) is written to the stream itself, not
 * here.
 */
final class TerminalWriter extends Writer {

    private final Writer out;

    private TerminalWriter(Writer out) {
        this.out = out;
    }

    /** A printer to a stream in UTF-8, flushed at each line, that escapes control characters. */
    static PrintWriter printing(OutputStream stream) {
        return new PrintWriter(new TerminalWriter(new BufferedWriter(
                new OutputStreamWriter(stream, StandardCharsets.UTF_8))), true);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        out.write(TerminalText.lines(CharBuffer.wrap(chars, offset, length)));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        out.write(TerminalText.lines(text.subSequence(offset, offset + length)));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
