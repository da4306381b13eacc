package org.jqsi.fetch;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.fetch.internal.FetchMessages;

/**
 * A document that could not be fetched, with why in French and English, in the user's terms (never a Java type):
 * « http://localhost:8080/a.ics : adresse 127.0.0.1 refusée (boucle locale) ; --allow-private-addresses
 * l'autorise ». {@link #getMessage()} is the English sentence.
 */
public final class FetchException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure it is, for callers that report or retry differently. */
    public enum Kind {
        /**
         * No exchange: an unknown or unreadable host name, a refused or broken connection, an answer that is not
         * HTTP.
         */
        UNREACHABLE,
        /** No connection, or no whole answer (redirects and body included), within the download's timeout. */
        TIMED_OUT,
        /** A status that carries no document ({@link #statusCode()}): anything but 200, 203, or 304 when asked. */
        HTTP_STATUS,
        /** A body larger than the download's size limit: the download stopped there. */
        TOO_LARGE,
        /** A body sent compressed although only the identity encoding was asked for. */
        UNWANTED_ENCODING,
        /** An address that {@link AddressPolicy} refuses, at the start or after a redirect. */
        ADDRESS_REFUSED,
        /** A redirect not followed: more than five, to a scheme other than http(s), from https to http. */
        REDIRECT_REFUSED
    }

    private final URI url;
    private final Kind kind;
    private final LocalizedText reason;
    private final int statusCode;

    FetchException(URI url, Kind kind, LocalizedText reason, int statusCode, Throwable cause) {
        super(sentence(url, reason).in(Language.EN), cause);
        this.url = Objects.requireNonNull(url, "url");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.statusCode = statusCode;
    }

    /** A failure at the address asked for, or at a redirect's target, which the reason then names. */
    static FetchException at(URI url, URI hop, Kind kind, LocalizedText reason, Throwable cause) {
        return new FetchException(url, kind, at(url, hop, reason), 0, cause);
    }

    static FetchException at(URI url, URI hop, Kind kind, LocalizedText reason) {
        return at(url, hop, kind, reason, null);
    }

    /** The reason, after the redirect's target when it is not the address asked for. */
    static LocalizedText at(URI url, URI hop, LocalizedText reason) {
        return hop.equals(url) ? reason : FetchMessages.text("redirect.at", hop.toString(), reason);
    }

    private static LocalizedText sentence(URI url, LocalizedText reason) {
        return FetchMessages.text("fetch.failed", url.toString(), reason);
    }

    /** The address that was asked for (a redirect's target, when it is the one at fault, is in the reason). */
    public URI url() {
        return url;
    }

    /** What kind of failure it is. */
    public Kind kind() {
        return kind;
    }

    /** Why, without the address: « le serveur a répondu HTTP 404 », "no complete answer within 20 s". */
    public LocalizedText reason() {
        return reason;
    }

    /** The address and why: « http://example.org/a.ics : le serveur a répondu HTTP 404 ». */
    public LocalizedText describe() {
        return sentence(url, reason);
    }

    /** The status the server answered for {@link Kind#HTTP_STATUS}; 0 for any other kind. */
    public int statusCode() {
        return statusCode;
    }
}
