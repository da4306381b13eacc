package org.jqsi.core.program;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Ids;
import org.jqsi.core.model.Origin;

/**
 * The ids that one source's activities take in a program that other owners share: the rule that keeps a source to
 * its own activities, for {@code import-ics} into a file as for the sources a server follows.
 *
 * <p>A source's event has a natural id, derived from the source's own id for it (an iCalendar UID gives
 * {@code loin-de-bachar-2020} for {@code loin-de-bachar-2020@jqsi}, a slug and a hash for any other). When no other
 * owner has an activity of that id, the event takes it, and an activity of the source under that id is the same
 * event. When another owner has one (the program file, another source), the event is never merged into it: it takes
 * the id {@link #namespaced} under its source ({@code cs3r-agenda-loin-de-bachar-2020}), and the caller reports it.
 * Once an event lives under its namespaced id it keeps it, even after the other owner's activity is gone, so that its
 * URL and calendar UID stay.
 *
 * <p>Not thread-safe; one per import.
 */
public final class SourceIds {

    /** How a namespaced id that would be too long ends: a hyphen and 8 hexadecimal digits of a SHA-256. */
    private static final int HASH_HEX = 8;

    private final String sourceId;
    private final Map<String, Activity> byId = new HashMap<>();
    private final Predicate<Activity> adoptable;

    /**
     * @param sourceId the source whose events are given ids ({@link Origin#source()})
     * @param existing every activity of the program, whoever owns them
     * @param adoptable which activities of the program file the source may take as its own, when one of its events
     *     has that activity's id: what an earlier version of the import made before activities said their origin
     */
    public SourceIds(String sourceId, List<Activity> existing, Predicate<Activity> adoptable) {
        this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
        this.adoptable = Objects.requireNonNull(adoptable, "adoptable");
        for (Activity activity : existing) {
            byId.putIfAbsent(activity.id(), activity);
        }
    }

    /**
     * What an event of the source becomes.
     *
     * @param id the id it takes, or {@code null} when it cannot take any (both its natural and its namespaced id
     *     belong to other owners): it is then left out, and the caller reports it
     * @param takenBy the other owner's activity that holds its natural id, when it had to take another; else
     *     {@code null}
     */
    public record Claim(String id, Activity takenBy) {

        /** Whether the event takes an id other than its natural one because another owner holds that one. */
        public boolean renamed() {
            return takenBy != null;
        }

        /** Whether the event cannot be imported at all. */
        public boolean refused() {
            return id == null;
        }
    }

    /** The id an event of natural id {@code naturalId} takes. */
    public Claim claim(String naturalId) {
        Activity natural = byId.get(naturalId);
        String namespaced = namespaced(sourceId, naturalId);
        Activity under = byId.get(namespaced);
        if (natural == null) {
            // An event that was renamed once keeps its id when the other owner's activity goes.
            return new Claim(under != null && owns(under) ? namespaced : naturalId, null);
        }
        if (owns(natural) || natural.origin().isProgramFile() && adoptable.test(natural)) {
            return new Claim(naturalId, null);
        }
        if (under == null || owns(under)) {
            return new Claim(namespaced, natural);
        }
        return new Claim(null, natural);
    }

    /** Whether an activity is the source's own. */
    public boolean owns(Activity activity) {
        return activity.origin().isSource(sourceId);
    }

    /**
     * The id of a source's event under the source's own name: {@code <sourceId>-<id>}, a slug; when that is longer
     * than {@link Ids#MAX_LENGTH}, cut there less 9 characters, and ended by a hyphen and 8 hexadecimal digits of the
     * SHA-256 of the whole, so that two long ids stay apart.
     */
    public static String namespaced(String sourceId, String id) {
        String joined = sourceId + "-" + id;
        if (joined.length() <= Ids.MAX_LENGTH) {
            return joined;
        }
        String head = joined.substring(0, Ids.MAX_LENGTH - HASH_HEX - 1).replaceAll("-+$", "");
        return head + "-" + sha256(joined).substring(0, HASH_HEX);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
