package org.jqsi.server.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The error pages of everything the widget does not answer itself: bad requests that Jetty refuses before any
 * servlet (a malformed URI, an ambiguous path, a header too large), unknown paths outside the widget, a servlet's
 * {@code sendError} and an uncaught exception.
 *
 * <p>Jetty's own pages are HTML that repeats the request's URI (with the attacker's {@code Host} header), the
 * exception's message and, when asked, its stack; and they carry none of the widget's security headers. These pages
 * say the status and its standard reason only, as plain text, with {@code nosniff}, a CSP that allows nothing, and
 * no caching: whatever went wrong, nothing of the request or of the server's insides is shown.
 */
public final class PlainErrorPages extends ErrorHandler {

    private final List<HttpField> securityHeaders;

    /** @param frameAncestors the sites allowed to frame jqsi's pages, as for the widget */
    public PlainErrorPages(List<String> frameAncestors) {
        this.securityHeaders = List.of(
                new HttpField("X-Content-Type-Options", "nosniff"),
                new HttpField("Content-Security-Policy", "default-src 'none'; base-uri 'none'; form-action 'none'; "
                        + "frame-ancestors " + String.join(" ", frameAncestors)),
                new HttpField("Referrer-Policy", "no-referrer"));
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
        setShowOrigin(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // Also for the errors that have no body (HEAD, a 405 to an unknown method): the headers cost nothing.
        securityHeaders.forEach(response.getHeaders()::put);
        return super.handle(request, response, callback);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.write(true, body(code), callback);
    }

    /** Errors found while parsing, before there is a request to hand to {@link #handle}. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        securityHeaders.forEach(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        fields.put(ERROR_CACHE_CONTROL);
        return body(status);
    }

    /** The status and its standard reason: Jetty's reason may name what it found wrong in the request. */
    private static ByteBuffer body(int code) {
        return ByteBuffer.wrap((code + " " + HttpStatus.getMessage(code) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
