package org.jqsi.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * What a conditional GET ({@link BoundedDownload#get(URI, String, HttpValidators)}) brings back: the document, new
 * or changed, or word that the copy the caller holds is still current.
 */
public sealed interface Fetched permits Fetched.Document, Fetched.NotModified {

    /** The address that answered, after redirects. */
    URI url();

    /** The validators to give with the next request for the same document. */
    HttpValidators validators();

    /**
     * A whole document, within the download's size limit, as the server sent it: not decoded (its charset is the
     * caller's business), never compressed.
     *
     * @param url the address that answered, after redirects
     * @param body the bytes; the array is the caller's (records compare arrays by identity)
     * @param contentType the {@code Content-Type} as sent ({@code text/calendar; charset=UTF-8}), or {@code null}
     * @param validators the document's {@code ETag} and {@code Last-Modified}, for the next conditional request
     */
    record Document(URI url, byte[] body, String contentType, HttpValidators validators) implements Fetched {
        public Document {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(validators, "validators");
        }
    }

    /**
     * {@code 304 Not Modified}: the copy the caller holds is still the current one.
     *
     * @param url the address that answered, after redirects
     * @param validators those the server sent with its 304, each missing one kept from the request
     */
    record NotModified(URI url, HttpValidators validators) implements Fetched {
        public NotModified {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(validators, "validators");
        }
    }
}
