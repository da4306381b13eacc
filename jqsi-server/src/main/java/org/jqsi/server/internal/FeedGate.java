package org.jqsi.server.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many feeds are written at once, so that what feeds take in memory is bounded whatever the traffic
 * (issue 22 item 3): each feed holds a buffer of bounded size while it is written, large ones being streamed
 * ({@link org.jqsi.web.JqsiWidgetServlet#KEPT_FEED_BYTES}), and {@link HeapRule} counts {@link #FEEDS_AT_ONCE} of
 * them. A request holds its place until its feed is written whole, to a slow client too; one that gets no place within
 * {@link #WAIT_SECONDS} is answered {@code 503 Service Unavailable} with {@code Retry-After}, rather than run the server
 * out of memory. Feeds kept in the widget's cache are sent at once and give their place back as soon.
 */
public final class FeedGate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** How many feeds are written at once, at most. */
    public static final int FEEDS_AT_ONCE = 8;
    /** How long a feed request waits for a place before it is answered 503. */
    public static final int WAIT_SECONDS = 10;
    /** What {@code Retry-After} says, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final transient Semaphore places = new Semaphore(FEEDS_AT_ONCE, true);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean acquired;
        try {
            acquired = places.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            busy(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }

    private static void busy(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=utf-8");
        byte[] body = ("busy writing other feeds; try again in " + RETRY_AFTER_SECONDS + " s\n"
                + "occupé à écrire d'autres flux ; réessayez dans " + RETRY_AFTER_SECONDS + " s\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
