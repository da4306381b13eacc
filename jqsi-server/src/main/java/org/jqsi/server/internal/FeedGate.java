package org.jqsi.server.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Bounds the memory that feeds being built take at once, so that a program the server accepted never makes it run out
 * of memory: a feed of a large program is built whole in memory (its text, then its bytes), and a dozen built at once
 * took more than the heap (issue 22 item 3). Each feed request takes, from a budget of half the heap, the memory a feed
 * of the program's size may take while it is built ({@link #BYTES_PER_ACTIVITY} per activity, measured), until the
 * feed's first byte is written: then it is built (kept in the widget's cache, or sent), and the memory of writing it to
 * a slow client is only its bytes, which the cache shares. A request that cannot have its share within
 * {@link #WAIT_SECONDS} is answered {@code 503 Service Unavailable} with {@code Retry-After}, rather than fail with a
 * 500 when the heap runs out. Feeds of small programs take little of the budget and never wait in practice.
 */
public final class FeedGate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /**
     * What a feed is assumed to take per activity of the program while it is built, in bytes: about ten times the
     * bytes per activity of the largest feed measured (615 B for {@code feed.ics} with every edition, on the generated
     * program of 20,000 activities of {@code FeedMemoryTest}), for the text being built, its copy in bytes and the
     * collector's headroom. An estimate on the safe side, not a measurement of the peak.
     */
    public static final long BYTES_PER_ACTIVITY = 6 * 1024;
    /** How long a feed request waits for memory before it is answered 503. */
    public static final int WAIT_SECONDS = 10;
    /** What {@code Retry-After} says, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final int UNIT = 64 * 1024;

    private final transient Semaphore budget;
    private final int budgetUnits;
    private final transient IntSupplier activities;

    /**
     * @param heapBytes the heap this server runs in ({@link Runtime#maxMemory()})
     * @param activities how many activities the program served has now
     */
    public FeedGate(long heapBytes, IntSupplier activities) {
        this.budgetUnits = (int) Math.max(1, Math.min(Integer.MAX_VALUE, heapBytes / 2 / UNIT));
        this.budget = new Semaphore(budgetUnits, true);
        this.activities = activities;
    }

    /** The share of the budget a feed of the program served now takes, in units of 64 KiB; all of it at most. */
    int share() {
        long bytes = (long) activities.getAsInt() * BYTES_PER_ACTIVITY;
        return (int) Math.max(1, Math.min(budgetUnits, (bytes + UNIT - 1) / UNIT));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        int share = share();
        boolean acquired;
        try {
            acquired = budget.tryAcquire(share, WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            busy(response);
            return;
        }
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable release = () -> {
            if (held.getAndSet(false)) {
                budget.release(share);
            }
        };
        try {
            chain.doFilter(request, new ReleasingOnWrite(response, release));
        } finally {
            release.run();
        }
    }

    private static void busy(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=utf-8");
        byte[] body = ("busy building other feeds; try again in " + RETRY_AFTER_SECONDS + " s\n"
                + "occupé à construire d'autres flux ; réessayez dans " + RETRY_AFTER_SECONDS + " s\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The response, which gives the request's share back on its first byte: the feed is built by then. */
    private static final class ReleasingOnWrite extends HttpServletResponseWrapper {
        private final Runnable release;
        private ServletOutputStream out;
        private PrintWriter writer;

        ReleasingOnWrite(HttpServletResponse response, Runnable release) {
            super(response);
            this.release = release;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                ServletOutputStream real = super.getOutputStream();
                out = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        release.run();
                        real.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        release.run();
                        real.write(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        real.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        release.run();
                        real.close();
                    }

                    @Override
                    public boolean isReady() {
                        return real.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        real.setWriteListener(listener);
                    }
                };
            }
            return out;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                // Text answers (errors) are small: the share goes back as the writer is taken.
                release.run();
                writer = super.getWriter();
            }
            return writer;
        }
    }
}
