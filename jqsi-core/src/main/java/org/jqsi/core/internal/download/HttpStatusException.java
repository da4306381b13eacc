package org.jqsi.core.internal.download;

import java.io.IOException;
import java.net.URI;

/** A server that answered with a status that carries no document (anything but 200, 203, or 304 when asked). */
public final class HttpStatusException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    HttpStatusException(URI url, int statusCode) {
        super(url + " answered HTTP " + statusCode);
        this.statusCode = statusCode;
    }

    /** The status the server answered. */
    public int statusCode() {
        return statusCode;
    }
}
