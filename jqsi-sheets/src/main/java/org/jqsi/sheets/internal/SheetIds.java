package org.jqsi.sheets.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jqsi.core.model.Ids;
import org.jqsi.core.model.Schedule;

/**
 * The id of an activity whose row gives none: a slug of its French title, {@code -t} (for « tableur ») and eight hex
 * digits of the SHA-256 of its title and start, so that importing the same sheet again finds the same activities,
 * however the date was typed: {@code quiz-solidaire-t3fa9c2e1}. A row whose title or start changes becomes another
 * activity (and the old one is cancelled as gone from the sheet); an « Identifiant » column keeps an id through such
 * changes.
 *
 * <p>The {@code -t} sets these ids apart from those of imported iCalendar events ({@code …-3fa9c2e1}), so that an
 * import of one never takes the other's activities for its own.
 */
final class SheetIds {

    private static final Pattern DERIVED = Pattern.compile(".*-t[0-9a-f]{8}");
    private static final Pattern SLUG = Pattern.compile(Ids.SLUG);
    private static final int HASH_HEX = 8;

    private SheetIds() {
    }

    /** The id of a row with this French title and schedule. */
    static String derive(String titleFr, Schedule schedule) {
        String slug = slug(titleFr);
        int room = Ids.MAX_LENGTH - HASH_HEX - 2;
        if (slug.length() > room) {
            slug = slug.substring(0, room).replaceAll("-+$", "");
        }
        String hash = hash(titleFr.strip() + "\n" + startOf(schedule));
        return (slug.isEmpty() ? "activite" : slug) + "-t" + hash;
    }

    /** Whether an id has the shape {@link #derive} gives. */
    static boolean isDerived(String id) {
        return DERIVED.matcher(id).matches();
    }

    /** Whether a text is an id a program accepts. */
    static boolean isId(String text) {
        return text.length() <= Ids.MAX_LENGTH && SLUG.matcher(text).matches();
    }

    /** Lower-case letters and digits in words joined by single hyphens: « Égalité des genres » → egalite-des-genres. */
    static String slug(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        String bare = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return bare.replaceAll("['’]", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static String startOf(Schedule schedule) {
        if (schedule instanceof Schedule.Timed timed) {
            return timed.start().toString();
        }
        if (schedule instanceof Schedule.Window window) {
            return window.first() + (window.opens() == null ? "" : "T" + window.opens());
        }
        return "tba";
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_HEX / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
