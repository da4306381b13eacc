package org.jqsi.ical.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jqsi.core.model.Ids;

/**
 * The activity id of an imported event, derived from its {@code UID} alone, so that importing a feed again finds the
 * same activities. A UID that jqsi wrote ({@code loin-de-bachar-2020@jqsi}) gives back its activity's id; any other
 * gives a slug of it plus a short hash, since two UIDs can slug alike ({@code A@x} and {@code a@x}).
 */
public final class ImportedIds {

    /** Room left for an occurrence suffix ({@code -20211109-1900}). */
    private static final int OCCURRENCE_SUFFIX = 14;
    private static final int HASH_HEX = 8;
    private static final Pattern SLUG = Pattern.compile(Ids.SLUG);

    private ImportedIds() {
    }

    /** The id of the activity for an event's UID. */
    public static String forUid(String uid, String ownDomain) {
        String suffix = "@" + ownDomain;
        if (uid.endsWith(suffix)) {
            String local = uid.substring(0, uid.length() - suffix.length());
            if (SLUG.matcher(local).matches() && local.length() <= Ids.MAX_LENGTH - OCCURRENCE_SUFFIX) {
                return local;
            }
        }
        String slug = Normalizer.normalize(uid, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        int room = Ids.MAX_LENGTH - OCCURRENCE_SUFFIX - HASH_HEX - 1;
        if (slug.length() > room) {
            slug = slug.substring(0, room).replaceAll("-+$", "");
        }
        String hash = hash(uid);
        return slug.isEmpty() ? "evenement-" + hash : slug + "-" + hash;
    }

    private static final Pattern IMPORTED = Pattern.compile(".*-[0-9a-f]{" + HASH_HEX + "}(?:-\\d{8}(?:-\\d{4}(?:-2)?)?)?");

    /**
     * Whether an id has the shape this class gives to a UID jqsi did not write (a slug and a hash, maybe an
     * occurrence): what an earlier import of a partner's feed made, as opposed to an activity written by hand.
     */
    public static boolean isImported(String id) {
        return IMPORTED.matcher(id).matches();
    }

    /** The id of one occurrence of a recurring event: the event's id and the occurrence's original local start. */
    public static String forOccurrence(String eventId, String occurrenceKey) {
        return eventId + "-" + occurrenceKey;
    }

    private static String hash(String uid) {
        return hash(uid, HASH_HEX / 2);
    }

    /** The first {@code bytes} bytes of a text's SHA-256, in hexadecimal. */
    static String hash(String text, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
