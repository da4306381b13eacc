package org.jqsi.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A response body written piece by piece, kept in memory as long as it stays within a bound, and sent on as it is
 * written once it grows past it: a small feed ends up whole in memory, to be kept for the next request and sent with
 * its length; a large one is streamed, so that the memory a feed takes does not grow with the program (issue 22). The
 * memory it holds is at most about three times the bound (the buffer grows by doubling; {@link #bytes()} copies it),
 * whatever is written.
 */
final class SpillingBody extends OutputStream {

    /** Opens where a body too large to keep goes: the response's stream, its headers set first. */
    @FunctionalInterface
    interface Sink {
        OutputStream open() throws IOException;
    }

    private final int bound;
    private final Sink sink;
    private ByteArrayOutputStream kept = new ByteArrayOutputStream(8 * 1024);
    private OutputStream out;

    /**
     * @param bound the most bytes kept in memory
     * @param sink opened once, when the body grows past the bound
     */
    SpillingBody(int bound, Sink sink) {
        this.bound = bound;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (out == null && kept.size() + (long) len > bound) {
            out = sink.open();
            kept.writeTo(out);
            // The bytes are on their way: nothing of them stays here.
            kept = null;
        }
        if (out != null) {
            out.write(b, off, len);
        } else {
            kept.write(b, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    /** Whether the body grew past the bound and went to the sink. */
    boolean spilled() {
        return out != null;
    }

    /**
     * The whole body, when it stayed within the bound.
     *
     * @throws IllegalStateException when it went to the sink
     */
    byte[] bytes() {
        if (out != null) {
            throw new IllegalStateException("the body went to the response as it was written");
        }
        return kept.toByteArray();
    }
}
