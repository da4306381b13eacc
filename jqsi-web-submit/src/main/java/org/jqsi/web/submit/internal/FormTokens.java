package org.jqsi.web.submit.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens that keep other sites from posting the form in a visitor's name (cross-site request forgery).
 *
 * <p>The form has no session to keep a token in, so the token is <em>signed</em> and <em>bound to a cookie</em>
 * (the "signed double-submit cookie" of OWASP's cheat sheet): the first page gives the browser a random cookie
 * value, and each form carries {@code issued.mac}, where {@code mac} is HMAC-SHA256, under a secret of the server,
 * of that cookie value and the time the token was issued. A post is taken only if its token's MAC is that of the
 * cookie sent with it, and the token is less than {@link #LIFETIME} old. Why this holds:
 *
 * <ul>
 *   <li>another site cannot read the cookie or the page (same-origin policy), so it cannot copy a token;</li>
 *   <li>it cannot make a token either: that needs the server's secret;</li>
 *   <li>it cannot plant a cookie of its own choosing and a token it got for it: the cookie is {@code SameSite=Strict}
 *       and {@code HttpOnly}, and behind https its name has the {@code __Host-} prefix, which a browser accepts only
 *       from this very host, over https, for the path {@code /} (a sibling sub-domain cannot set it);</li>
 *   <li>a token leaked (a page saved, a proxy's log) is good for {@link #LIFETIME} and with its cookie only.</li>
 * </ul>
 *
 * <p>Nothing is stored: any number of servers check the same tokens when they share the secret
 * ({@link org.jqsi.web.submit.SubmitSettings#formSecret()}). Thread-safe.
 */
final class FormTokens {

    /** How long a form may stay open before it is sent: an organiser may take a while to write. */
    static final Duration LIFETIME = Duration.ofHours(2);

    /** How far in the future a token may have been issued: clocks of servers differ a little. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Clock clock;

    /**
     * @param secret the server's secret, at least 32 bytes
     * @param clock when tokens are issued and checked
     */
    FormTokens(byte[] secret, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("secret: at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.clock = clock;
    }

    /** A new random secret, for a server that is given none. */
    static byte[] newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** A new cookie value: 256 random bits, URL-safe. */
    static String newCookieValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a cookie value is one this class could have made (so that nothing else is signed). */
    static boolean wellFormed(String cookie) {
        return cookie != null && cookie.matches("[A-Za-z0-9_-]{43}");
    }

    /** A token for forms sent with this cookie, issued now. */
    String issue(String cookie) {
        long issued = clock.instant().getEpochSecond();
        return issued + "." + mac(cookie, issued);
    }

    /** What a token is worth with a cookie. */
    enum Check {
        /** Signed for this cookie, and fresh. */
        VALID,
        /** Signed for this cookie, but too old (or from the future): the form was left open too long. */
        EXPIRED,
        /** Missing, malformed, or not signed for this cookie (or there is no cookie). */
        INVALID
    }

    /** Checks a posted token against the cookie sent with it. */
    Check check(String token, String cookie) {
        if (token == null || !wellFormed(cookie)) {
            return Check.INVALID;
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot > 19 || !token.substring(0, dot).matches("\\d+")) {
            return Check.INVALID;
        }
        long issued = Long.parseLong(token.substring(0, dot));
        byte[] expected = mac(cookie, issued).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        // In constant time: how much of a MAC matches must not show in how long the answer takes.
        if (!MessageDigest.isEqual(expected, given)) {
            return Check.INVALID;
        }
        long now = clock.instant().getEpochSecond();
        if (issued > now + SKEW.toSeconds() || now - issued > LIFETIME.toSeconds()) {
            return Check.EXPIRED;
        }
        return Check.VALID;
    }

    private String mac(String cookie, long issued) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(("jqsi-form\n" + cookie + "\n" + issued).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
