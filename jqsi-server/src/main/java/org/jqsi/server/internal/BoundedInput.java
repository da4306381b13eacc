package org.jqsi.server.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A file's bytes as they are read, counted against a limit and hashed: the limit holds on the bytes actually read, so
 * a file that grows after its size was checked is refused all the same, and the hash says whether two reads of a file
 * saw the same content. Closing it reads what the reader left unread (up to the limit), so that the hash is of the
 * whole file.
 */
final class BoundedInput extends FilterInputStream {

    /** Thrown when more than the limit was read: the reading stops there. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private final MessageDigest digest;
    private long count;
    private boolean exceeded;
    private byte[] hash;

    BoundedInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        this.digest = sha256();
    }

    /** The SHA-256 of everything in {@code in} (which it closes), refused past {@code limit} bytes. */
    static byte[] hashOf(InputStream in, long limit) throws IOException {
        BoundedInput bounded = new BoundedInput(in, limit);
        bounded.close();
        return bounded.hash();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (exceeded) {
            throw new TooLarge(limit);
        }
        int n = super.read(b, off, len);
        if (n > 0) {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new TooLarge(limit);
            }
            digest.update(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes are hashed and counted like the others.
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        int read = read(buffer, 0, buffer.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() throws IOException {
        if (hash != null) {
            return;
        }
        try {
            byte[] buffer = new byte[64 * 1024];
            while (!exceeded && read(buffer, 0, buffer.length) >= 0) {
                // Read to the end for the hash.
            }
        } catch (TooLarge e) {
            // Said by exceeded().
        } finally {
            hash = digest.digest();
            super.close();
        }
    }

    /** Whether more than the limit was read. */
    boolean exceeded() {
        return exceeded;
    }

    /** The hash of all the bytes, once closed. */
    byte[] hash() {
        return hash;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
