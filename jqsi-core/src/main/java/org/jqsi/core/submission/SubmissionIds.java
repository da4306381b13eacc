package org.jqsi.core.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.jqsi.core.model.Ids;
import org.jqsi.core.model.LocalizedText;

/**
 * The identifiers a submission is given: its public id, the private key of its status page, and the id of a new
 * activity whose submitter gave none. Every store makes them the same way. Thread-safe.
 */
public final class SubmissionIds {

    /** Crockford's base 32 alphabet, lower case: no i, l, o, u, so that an id read aloud or copied by hand is kept. */
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    /** 10 characters of base 32: 50 bits, enough that two submissions never meet, short enough to type. */
    private static final int ID_LENGTH = 10;
    private static final int KEY_BYTES = 32;
    private static final int SUFFIX_LENGTH = 4;

    private final SecureRandom random;

    public SubmissionIds() {
        this(new SecureRandom());
    }

    /** With a given source of randomness (a seeded one for tests). */
    public SubmissionIds(SecureRandom random) {
        this.random = random;
    }

    /** A new submission id: {@code s-} and 10 characters of Crockford's base 32 ({@code s-7k2xq9pm4d}). */
    public String newId() {
        return "s-" + base32(ID_LENGTH);
    }

    /** A new status key: 256 random bits, in 43 URL-safe base 64 characters. */
    public String newStatusKey() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * What a store keeps of a status key: its SHA-256 in hexadecimal. A key has 256 random bits, so a hash without
     * salt or stretching is enough: whoever reads the database cannot open a status page with what it holds.
     */
    public static String hashStatusKey(String statusKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(statusKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * An id for a new activity whose submitter gave none: its French title as a slug, cut to leave room, then a
     * hyphen and 4 random characters ({@code atelier-commerce-equitable-k3t9}), so that two activities of one title
     * stay apart and the id says what it is in URLs and calendars.
     */
    public String activityId(LocalizedText title) {
        String slug = Normalizer.normalize(title.fr(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        int room = Ids.MAX_LENGTH - SUFFIX_LENGTH - 1;
        if (slug.length() > room) {
            slug = slug.substring(0, room).replaceAll("-+$", "");
        }
        return (slug.isEmpty() ? "activite" : slug) + "-" + base32(SUFFIX_LENGTH);
    }

    private String base32(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
