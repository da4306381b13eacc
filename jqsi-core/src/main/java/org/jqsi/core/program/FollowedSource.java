package org.jqsi.core.program;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Ids;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;

/**
 * A source of activities that a server follows: a partner's iCalendar feed or spreadsheet, at an address or in a file,
 * fetched again at its own interval; its activities join the program file's in the program served, each owned by the
 * source ({@link org.jqsi.core.model.Origin}). Declared in a sources file ({@code jqsi-server/README.md}, "Sources").
 *
 * @param id the source's id, a slug of at most {@value #MAX_ID_LENGTH} characters, unique among the sources: its
 *     activities say it in their origin, and take it as a prefix when another owner has their id
 * @param kind what it holds
 * @param url where it is fetched, http or https; {@code null} for a file
 * @param file the file it is read from, absolute; {@code null} for a URL
 * @param partnerId the partner that publishes it: the organiser of its activities
 * @param editionId the edition its activities belong to
 * @param region the region of its activities that do not say theirs, or {@code null} for province-wide ones
 * @param activityKind the kind of its activities that do not say theirs, or {@code null} for {@code other}
 * @param language the language of its texts: an English source's titles are English titles
 * @param refresh how long between two fetches, at least one second
 * @param allowPrivateAddress whether its URL may lead to a private, loopback or link-local address (a server on the
 *     operator's own network)
 */
public record FollowedSource(String id, Kind kind, URI url, Path file, String partnerId, String editionId,
        Region region, ActivityKind activityKind, Language language, Duration refresh, boolean allowPrivateAddress) {

    /** The longest source id: ids of activities under a source's name start with it. */
    public static final int MAX_ID_LENGTH = 40;

    /** The shortest time between two fetches. */
    public static final Duration MIN_REFRESH = Duration.ofSeconds(1);

    /** What a source holds. */
    public enum Kind {
        /** An iCalendar feed (RFC 5545): Google Calendar, Outlook, Nextcloud... */
        ICAL,
        /** A spreadsheet, CSV or XLSX, one activity a row. */
        SHEET;

        /** As the sources file writes it: {@code ical}, {@code sheet}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FollowedSource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(editionId, "editionId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(refresh, "refresh");
        if (!id.matches(Ids.SLUG) || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("id: a slug of at most " + MAX_ID_LENGTH + " characters, was " + id);
        }
        if ((url == null) == (file == null)) {
            throw new IllegalArgumentException("a source has a url or a file, not both nor neither");
        }
        if (file != null && !file.isAbsolute()) {
            throw new IllegalArgumentException("file: must be absolute, was " + file);
        }
        if (refresh.compareTo(MIN_REFRESH) < 0) {
            throw new IllegalArgumentException("refresh: at least " + MIN_REFRESH + ", was " + refresh);
        }
    }

    /** Where it comes from, for people: its URL or its file. */
    public String location() {
        return url != null ? url.toString() : file.toString();
    }
}
