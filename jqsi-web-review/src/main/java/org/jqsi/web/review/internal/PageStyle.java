package org.jqsi.web.review.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.jqsi.web.ActivityPreview;

/**
 * The pages' styles, inline and allowed by the hashes of their text in the Content-Security-Policy, so that no other
 * style, and no script at all, can run in them: the pages' own few rules, and the widget's style sheet for the
 * previews of activities.
 */
final class PageStyle {

    static final String CSS = "body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;max-width:60rem;"
            + "padding:1rem;color:#1d1d1f}header{display:flex;flex-wrap:wrap;gap:1rem;justify-content:flex-end;"
            + "align-items:center}table{border-collapse:collapse;width:100%}th,td{text-align:left;"
            + "padding:.25rem .75rem .25rem 0;vertical-align:top;border-bottom:1px solid #ccc}"
            + "label{display:block;font-weight:bold;margin-top:.75rem}input,textarea{font:inherit;"
            + "max-width:100%}textarea{width:100%}button{font:inherit;margin:.5rem .5rem 0 0;padding:.3rem .8rem}"
            + ".problem{border-left:4px solid #a4161a;padding-left:.75rem;color:#6b0e10}"
            + ".done{border-left:4px solid #1e6b2e;padding-left:.75rem}.previews{display:grid;gap:1rem;"
            + "grid-template-columns:repeat(auto-fit,minmax(18rem,1fr))}.preview{border:1px solid #ccc;"
            + "padding:.5rem 1rem}pre{white-space:pre-wrap;word-break:break-word;margin:0}"
            + "header form{display:inline}";

    /** The widget's style sheet, whose rules apply inside {@code .jqsi}. */
    static final String WIDGET_CSS = ActivityPreview.styleSheet();

    /** The CSP sources that allow both: {@code 'sha256-…' 'sha256-…'}. */
    static final String SOURCES = "'sha256-" + sha256(CSS) + "' 'sha256-" + sha256(WIDGET_CSS) + "'";

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
