package org.jqsi.core.internal.download;

import java.io.IOException;
import java.net.URI;

/** A downloaded body that went past the size limit: the download stopped there. */
public final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    BodyTooLargeException(URI url, String what, long limit) {
        super(url + ": the " + what + " is larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** The limit that was passed, in bytes. */
    public long limit() {
        return limit;
    }
}
