package org.jqsi.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * The one place where a {@code GET} or {@code HEAD} of anything the widget serves is answered: {@code Vary}, then
 * {@code 304 Not Modified} when the client's copy is current, else the body (kept from an earlier request with the
 * same ETag, or rendered now) with its {@code ETag}, {@code Last-Modified}, {@code Cache-Control} and content headers.
 * A {@code HEAD} gets the same headers and no body ({@link Exchange#send}).
 *
 * <p>The client's copy is current when {@code If-None-Match} names the ETag ({@code *}, a list, weak tags compared
 * weakly), or, only when there is no {@code If-None-Match} (it wins, as RFC 9110 section 13.2.2 says),
 * when {@code If-Modified-Since} is no earlier than {@code Last-Modified}.
 */
final class ConditionalGet {

    /**
     * Renders a body. It may refuse the request when only rendering finds what is wrong with it (a page past the
     * last), with an exception that the caller answers.
     */
    @FunctionalInterface
    interface Render<E extends Exception> {
        RenderedResponses.Rendered render() throws E;
    }

    /** Writes a body, piece by piece, to a stream it does not close. */
    @FunctionalInterface
    interface Write {
        void to(OutputStream out) throws IOException;
    }

    private final RenderedResponses kept;

    ConditionalGet(RenderedResponses kept) {
        this.kept = kept;
    }

    /** Answers with a body rendered anew for each {@code 200}. */
    <E extends Exception> void answer(Exchange x, Caching caching, Content content, Render<E> render)
            throws IOException, E {
        answer(x, caching, content, render, false);
    }

    /**
     * Answers with a body kept from an earlier request with the same ETag and program version, or rendered now and
     * kept for the next one.
     */
    <E extends Exception> void answerKept(Exchange x, Caching caching, Content content, Render<E> render)
            throws IOException, E {
        answer(x, caching, content, render, true);
    }

    /**
     * Answers with a body kept from an earlier request with the same ETag and program version, or written now: a body
     * that ends up within {@code keepBound} bytes is kept for the next request and sent with its length; a larger one
     * is sent as it is written (without {@code Content-Length}) and not kept, so that what it takes in memory is
     * bounded whatever its size ({@link SpillingBody}). A {@code HEAD} of a large body has it written and dropped.
     */
    void answerWritten(Exchange x, Caching caching, Content content, int keepBound, Write write) throws IOException {
        caching.vary().forEach(x::vary);
        if (isCurrent(x.requestHeader("If-None-Match"), ifModifiedSince(x), caching)) {
            validators(x, caching);
            x.notModified();
            return;
        }
        RenderedResponses.Rendered found = kept.find(x.program().version(), caching.etag()).orElse(null);
        if (found != null) {
            send(x, caching, content, found);
            return;
        }
        SpillingBody body = new SpillingBody(keepBound, () -> {
            validators(x, caching);
            content.headers().forEach(x::setHeader);
            return x.start(200, content.type());
        });
        write.to(body);
        body.flush();
        if (!body.spilled()) {
            RenderedResponses.Rendered rendered = new RenderedResponses.Rendered(body.bytes(), null);
            kept.keep(x.program().version(), caching.etag(), rendered);
            send(x, caching, content, rendered);
        }
    }

    private <E extends Exception> void answer(Exchange x, Caching caching, Content content, Render<E> render,
            boolean keep) throws IOException, E {
        caching.vary().forEach(x::vary);
        if (isCurrent(x.requestHeader("If-None-Match"), ifModifiedSince(x), caching)) {
            validators(x, caching);
            x.notModified();
            return;
        }
        RenderedResponses.Rendered body = keep ? kept.find(x.program().version(), caching.etag()).orElse(null) : null;
        if (body == null) {
            body = render.render();
            if (keep) {
                kept.keep(x.program().version(), caching.etag(), body);
            }
        }
        send(x, caching, content, body);
    }

    private static void send(Exchange x, Caching caching, Content content, RenderedResponses.Rendered body)
            throws IOException {
        if (body.jsonLd() != null) {
            x.allowScript(body.jsonLd());
        }
        validators(x, caching);
        content.headers().forEach(x::setHeader);
        x.send(200, content.type(), body.body());
    }

    /**
     * Whether the client's copy is current.
     *
     * @param ifNoneMatch the {@code If-None-Match} header, or {@code null}
     * @param ifModifiedSince the {@code If-Modified-Since} header in milliseconds since the epoch, or {@code -1} when
     *     it is missing or not a date
     */
    static boolean isCurrent(String ifNoneMatch, long ifModifiedSince, Caching caching) {
        if (ifNoneMatch != null) {
            return EntityTag.anyMatches(ifNoneMatch, caching.etag());
        }
        Instant lastModified = caching.lastModified();
        return lastModified != null && ifModifiedSince >= 0
                && lastModified.getEpochSecond() <= ifModifiedSince / 1000;
    }

    private static long ifModifiedSince(Exchange x) {
        try {
            return x.request().getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException e) {
            // Not a date: as if it were not sent.
            return -1;
        }
    }

    private static void validators(Exchange x, Caching caching) {
        x.setHeader("ETag", caching.etag());
        if (caching.lastModifiedText() != null) {
            // The date as text, written once with the caching (setDateHeader would format it for each response).
            x.setHeader("Last-Modified", caching.lastModifiedText());
        }
        x.setHeader("Cache-Control", caching.cacheControl());
    }
}
