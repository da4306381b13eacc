package org.jqsi.web.review.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CSRF tokens of the forms: an HMAC-SHA256 keyed by a secret the browser holds in an {@code HttpOnly} cookie (the
 * session's token, or the log-in form's own), over what the form is for. Another site can make the browser send the
 * cookie, never read it, so it cannot write the token; and since the key is the cookie itself, every server on one
 * database checks the tokens of every other without a shared secret. Compared in constant time.
 */
final class CsrfTokens {

    /** What a session's forms are for. */
    static final String REVIEW = "jqsi review form";
    /** What the log-in form is for. */
    static final String LOG_IN = "jqsi log-in form";

    private CsrfTokens() {
    }

    /** The token of the forms keyed by a cookie's value. */
    static String of(String cookie, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cookie.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** Whether a form's token is the one of that cookie: {@code false} when either is missing. */
    static boolean matches(String cookie, String purpose, String given) {
        if (cookie == null || cookie.isEmpty() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(of(cookie, purpose).getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
