package org.jqsi.server.internal;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses {@code TRACE} (and Microsoft's {@code TRACK}) for the whole server with {@code 501 Not Implemented}, before
 * any servlet sees it: the servlet API answers {@code TRACE} by echoing the request, its {@code Cookie} and
 * {@code Authorization} headers included, which lets a script read what it should not (cross-site tracing). The
 * server implements it for no address, hence 501 rather than a 405 whose {@code Allow} would have to name each
 * servlet's methods; the widget, mounted in another container, refuses it itself with 405 and {@code Allow}.
 */
public final class TraceRefusal extends Handler.Wrapper {

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if ("TRACE".equalsIgnoreCase(method) || "TRACK".equalsIgnoreCase(method)) {
            // The server's error pages (PlainErrorPages): status and reason, no echo of the request.
            Response.writeError(request, response, callback, HttpStatus.NOT_IMPLEMENTED_501);
            return true;
        }
        return super.handle(request, response, callback);
    }
}
