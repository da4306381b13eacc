package org.jqsi.ical.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.program.Program;
import org.jqsi.ical.EventHistory;
import org.jqsi.ical.EventHistory.Entry;

/**
 * The {@code SEQUENCE} and {@code DTSTAMP} of each activity's event, from its own {@code revision} and
 * {@code lastModified} and from what the {@link EventHistory} remembers (RFC 5546 §2.1.4: a change of start, end,
 * zone, place or status is one a calendar app must notice).
 *
 * <ul>
 *   <li>Never seen: the activity's own values ({@code revision}; {@code lastModified}, else midnight UTC on its
 *       edition's first day).</li>
 *   <li>Seen with the same fingerprint: the remembered values, raised to the activity's own if the editor raised
 *       them.</li>
 *   <li>Seen with another fingerprint: {@code SEQUENCE} one more than remembered (or the activity's
 *       {@code revision}, if higher); {@code DTSTAMP} the activity's {@code lastModified} if it is newer than the
 *       remembered one, else now (at least a second after the remembered one). Going back to an earlier version is a
 *       change too.</li>
 * </ul>
 */
public final class EventVersions {

    private final EventHistory history;
    private final Clock clock;

    public EventVersions(EventHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    /** Resolves and remembers the versions of every dated activity of a program, in one change of the history. */
    public Map<String, Entry> publish(Program program) {
        Map<String, Activity> dated = new LinkedHashMap<>();
        for (Activity activity : program.activities()) {
            if (activity.schedule().isDated()) {
                dated.put(activity.id(), activity);
            }
        }
        Instant now = now();
        return history.update(Set.copyOf(dated.keySet()), remembered -> {
            Map<String, Entry> changed = new HashMap<>();
            for (Activity activity : dated.values()) {
                Entry before = remembered.get(activity.id());
                Entry after = next(before, fingerprint(activity), activity.revision(), declaredStamp(program, activity),
                        now);
                if (!after.equals(before)) {
                    changed.put(activity.id(), after);
                }
            }
            return changed;
        });
    }

    /** The version an activity that is not the program's own (an edited copy) would get, remembering nothing. */
    public Entry peek(Program program, Activity activity) {
        Entry before = history.read(Set.of(activity.id())).get(activity.id());
        return next(before, fingerprint(activity), activity.revision(), declaredStamp(program, activity), now());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static Entry next(Entry before, String fingerprint, int revision, Instant declared, Instant now) {
        if (before == null) {
            return new Entry(fingerprint, revision, declared);
        }
        if (before.fingerprint().equals(fingerprint)) {
            if (revision <= before.sequence() && !declared.isAfter(before.stamp())) {
                return before;
            }
            return new Entry(fingerprint, Math.max(before.sequence(), revision), later(before.stamp(), declared));
        }
        int sequence = Math.max(before.sequence() + 1, revision);
        Instant stamp = declared.isAfter(before.stamp()) ? declared : later(now, before.stamp().plusSeconds(1));
        return new Entry(fingerprint, sequence, stamp);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The activity's own {@code DTSTAMP}: its last modification, else midnight UTC on its edition's first day. */
    static Instant declaredStamp(Program program, Activity activity) {
        if (activity.lastModified() != null) {
            return activity.lastModified().truncatedTo(ChronoUnit.SECONDS);
        }
        Edition edition = program.editionOf(activity);
        LocalDate day = edition != null ? edition.start() : activity.schedule().firstDay().orElseThrow();
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * A digest (SHA-256, the first 16 octets in URL-safe Base64) of what a calendar app must notice: the schedule
     * with its zone, the place (venue and address, coordinates, online link) and the status. The text digested is
     * written here field by field, never from records' {@code toString}, so that a JDK upgrade changes no fingerprint.
     */
    public static String fingerprint(Activity activity) {
        StringBuilder text = new StringBuilder(160);
        Schedule schedule = activity.schedule();
        if (schedule instanceof Schedule.Timed timed) {
            text.append("timed|").append(timed.start()).append('|').append(timed.end()).append('|')
                    .append(timed.zone().getId());
        } else if (schedule instanceof Schedule.Window window) {
            text.append("window|").append(window.first()).append('|').append(window.last()).append('|')
                    .append(window.opens()).append('|').append(window.closes()).append('|')
                    .append(window.zone().getId());
        } else {
            text.append("tba");
        }
        text.append("|status|").append(activity.status().name());
        Place place = activity.place();
        if (place != null) {
            place.venuePart().ifPresent(venue -> {
                Address address = venue.address();
                text.append("|venue|").append(venue.name()).append('|').append(address.street()).append('|')
                        .append(address.municipality()).append('|').append(address.postalCode());
                if (venue.geo() != null) {
                    text.append('|').append(venue.geo().latitude()).append(',').append(venue.geo().longitude());
                }
            });
            place.onlinePart().ifPresent(online -> text.append("|online|").append(online.url()));
        }
        byte[] digest = sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
