package org.jqsi.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Makes session tokens, and the hashes that are stored in their place. A token is 32 random bytes (256 bits, from
 * {@link SecureRandom}) in URL-safe Base64 without padding: 43 characters, fit for a cookie. Thread-safe.
 */
public final class SessionTokens {

    private static final int BYTES = 32;

    private final SecureRandom random;

    /** With the platform's strong random source. */
    public SessionTokens() {
        this(new SecureRandom());
    }

    /** With a given random source (a seeded one for tests). */
    public SessionTokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new token. */
    public String newToken() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The token's SHA-256, in lower-case hexadecimal (64 characters): what is stored. A fast hash is enough here, unlike
     * for a password: a token has 256 random bits, which no one can guess through it.
     */
    public static String hash(String token) {
        Objects.requireNonNull(token, "token");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
