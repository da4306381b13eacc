package org.jqsi.web.submit.internal;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers on every answer: no script at all, the pages' one style sheet by its hash, no framing by any site (the
 * status page will carry the submitter's buttons), no sniffing of types. A status page, whose address holds its
 * private key, sends no {@code Referer} to any link and is kept by no cache.
 */
final class SecurityHeaders {

    private static final String POLICY = "default-src 'none'; style-src " + PageStyle.SOURCE
            + "; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    /** The headers of every answer. */
    static void applyTo(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    /** An answer that holds, or whose address holds, a private key: never kept, never sent on as a referrer. */
    static void privateAnswer(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
