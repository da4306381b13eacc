package org.jqsi.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jqsi.fetch.FetchException.Kind;
import org.jqsi.fetch.internal.FetchMessages;

/** Which answers are redirects, and where one that may be followed leads. */
final class Redirects {

    private Redirects() {
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static boolean isHttp(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /**
     * Where a redirect leads: its {@code Location}, read against the address that sent it when relative.
     *
     * @param url the address asked for, which a failure names
     * @param hop the address that answered with the redirect
     * @param status the redirect's status
     * @param location its {@code Location} header, or {@code null}
     *
     * @throws FetchException when there is no {@code Location}, it cannot be read, or it leads to a scheme other than
     *     http or https, or from https to http
     */
    static URI target(URI url, URI hop, int status, String location) throws FetchException {
        if (location == null || location.isBlank()) {
            throw FetchException.at(url, hop, Kind.REDIRECT_REFUSED, FetchMessages.text("redirect.no-location",
                    String.valueOf(status)));
        }
        URI next;
        try {
            // URI.resolve loses the slash after an empty path: http://a.b and c make http://a.bc, not http://a.b/c.
            URI base = hop.getRawPath() == null || hop.getRawPath().isEmpty() ? hop.resolve("/") : hop;
            next = base.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw FetchException.at(url, hop, Kind.REDIRECT_REFUSED, FetchMessages.text("redirect.unreadable",
                    location.trim()), e);
        }
        if (!isHttp(next)) {
            throw FetchException.at(url, hop, Kind.REDIRECT_REFUSED, FetchMessages.text("redirect.scheme",
                    next.toString()));
        }
        if (hop.getScheme().equalsIgnoreCase("https") && next.getScheme().equalsIgnoreCase("http")) {
            throw FetchException.at(url, hop, Kind.REDIRECT_REFUSED, FetchMessages.text("redirect.downgrade",
                    next.toString()));
        }
        return next;
    }
}
