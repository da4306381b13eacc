package org.jqsi.fetch;

/**
 * What a server said identifies the version of a document it sent (RFC 9110 §8.8): its {@code ETag} and its
 * {@code Last-Modified} date, each exactly as the server wrote it (a weak tag keeps its {@code W/}), or {@code null}
 * when it sent none. Given back to the server ({@code If-None-Match}, {@code If-Modified-Since}), they let it answer
 * "not modified" instead of the whole document again. Keep them beside the document's last good copy.
 *
 * @param etag the entity tag with its quotes ({@code "v1"}, {@code W/"v1"}), or {@code null}
 * @param lastModified the HTTP date as the server wrote it ({@code Tue, 02 Nov 2021 10:00:00 GMT}), or {@code null}
 */
public record HttpValidators(String etag, String lastModified) {

    /** No validators: the request is not conditional, and a whole document comes back. */
    public static final HttpValidators NONE = new HttpValidators(null, null);

    public HttpValidators {
        etag = blankToNull(etag);
        lastModified = blankToNull(lastModified);
    }

    /** Whether there is neither an ETag nor a date: a request with these is not conditional. */
    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }

    /** These validators, each one missing taken from {@code older}: a 304 may repeat them or not. */
    HttpValidators orElse(HttpValidators older) {
        return new HttpValidators(etag != null ? etag : older.etag, lastModified != null ? lastModified
                : older.lastModified);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
