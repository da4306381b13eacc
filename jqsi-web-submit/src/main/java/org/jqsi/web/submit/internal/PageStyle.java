package org.jqsi.web.submit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The pages' few styles, inline in each page and allowed by the hash of their text in the Content-Security-Policy,
 * so that no other style, and no script at all, can run in them.
 */
final class PageStyle {

    static final String CSS = "body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;max-width:46rem;"
            + "padding:1rem;color:#1d1d1f}pre{background:#f4f4f6;padding:.75rem;overflow-x:auto;white-space:pre-wrap}"
            + "code{font-size:.95em}table{border-collapse:collapse}"
            + "th,td{text-align:left;padding:.25rem .75rem .25rem 0;"
            + "vertical-align:top}.state{font-weight:bold}.note{border-left:4px solid #888;padding-left:.75rem}"
            + "nav{float:right}";

    /** The CSP source that allows {@link #CSS}: {@code 'sha256-…'}. */
    static final String SOURCE = "'sha256-" + sha256(CSS) + "'";

    private PageStyle() {
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
