package org.jqsi.web.review.internal;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers on every answer: no script at all, the pages' styles by their hashes, images of previews from https
 * addresses only, forms sent only here, no framing by any site, no sniffing of types, no referrer to other sites, and
 * nothing kept by any cache (every page is one account's, or a log-in form with its token).
 */
final class SecurityHeaders {

    static final String POLICY = "default-src 'none'; style-src " + PageStyle.SOURCES
            + "; img-src https: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void applyTo(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
        response.addHeader("Vary", "Accept-Language, Cookie");
    }
}
