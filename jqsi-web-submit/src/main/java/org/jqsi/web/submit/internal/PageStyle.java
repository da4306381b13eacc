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
            + "nav{float:right}"
            // The form: one field under another, the errors beside their fields in words and a thick mark, the
            // honeypot out of sight (but not display:none, which some robots look for).
            + "fieldset{border:1px solid #767676;margin:0 0 1.25rem;padding:.5rem 1rem 1rem}"
            + "legend{font-weight:bold;padding:0 .25rem}fieldset.choices{border:0;margin:.75rem 0 0;padding:0}"
            + ".field{margin-top:.75rem}label{display:inline-block;font-weight:600}"
            + ".choice{display:block}.choice label{font-weight:normal}"
            + "input[type=text],input[type=email],input[type=url],input[type=datetime-local],input[type=date],"
            + "select,textarea{display:block;box-sizing:border-box;width:100%;max-width:36rem;font:inherit;"
            + "padding:.3rem;border:1px solid #595959}"
            + ".hint{margin:.1rem 0;color:#4a4a4a;font-size:.95em}"
            + ".error{margin:.1rem 0;color:#a4001d;font-weight:bold;border-left:4px solid #a4001d;padding-left:.5rem}"
            + "[aria-invalid=true]{border:2px solid #a4001d}"
            + ".problems{border:3px solid #a4001d;padding:.5rem 1rem;margin:1rem 0}"
            + ".problems:focus{outline:3px solid #1d1d1f;outline-offset:2px}"
            + ".problems a{color:#a4001d}.notice{border-left:4px solid #1d5fa4;padding-left:.75rem}"
            + ".keep{background:#f4f4f6;padding:.25rem .75rem}.link{word-break:break-all}"
            + "button{font:inherit;padding:.4rem 1rem}"
            + ".hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}";

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
