package org.jqsi.server.internal.sources;

import java.net.URI;
import org.jqsi.core.model.LocalizedText;

/**
 * Fetches a source's URL with a conditional GET: what the server follows asks again with the validators of the copy it
 * has, and an unchanged source answers 304. Implementations bound the time and size of a download and say every
 * failure in words; they may refuse addresses ({@code allowPrivateAddress}).
 */
public interface SourceFetch {

    /**
     * What the source's server said of the last copy: {@code ETag} and {@code Last-Modified}, each {@code null} when
     * it said none.
     */
    record Validators(String etag, String lastModified) {

        /** No copy yet: the request is not conditional. */
        public static final Validators NONE = new Validators(null, null);
    }

    /** What came of a fetch. */
    sealed interface Result {
    }

    /** The copy the validators name is still current (304). */
    record NotModified() implements Result {
    }

    /** A new copy. */
    record Fetched(byte[] body, Validators validators) implements Result {
    }

    /** No copy: why, in French and English, naming the address. */
    record Failed(LocalizedText reason) implements Result {
    }

    /**
     * Fetches a source, never throwing for what the network or the other server does.
     *
     * @param previous the validators of the copy the caller has, or {@link Validators#NONE}
     * @param allowPrivateAddress whether the address may be a private, loopback or link-local one
     */
    Result fetch(URI url, Validators previous, boolean allowPrivateAddress);
}
