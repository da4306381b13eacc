package org.jqsi.ical;

import java.time.ZoneId;
import java.util.Objects;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Ids;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;

/**
 * What a partner's feed is imported into: its events become activities of this edition (only those that fall within
 * its dates), organised by this partner, in this region, owned by this source.
 *
 * @param edition the edition; recurring events are expanded within its dates
 * @param partnerId the {@link org.jqsi.core.model.Partner#id()} of the partner whose feed it is (the organizer)
 * @param region the region its activities belong to, or {@code null} for province-wide online ones
 * @param zone the zone to read floating times in and to keep times in, or {@code null} to take the feed's
 *     {@code X-WR-TIMEZONE}, else the settings' default zone
 * @param language the language of the feed's texts that do not say theirs ({@code SUMMARY} and {@code DESCRIPTION}
 *     without {@code LANGUAGE=}): an English feed's titles are English titles. {@code null} is French
 * @param sourceId the id of the source the activities belong to ({@link org.jqsi.core.model.Origin#source()}), a slug:
 *     the import changes, cancels or removes only the activities of this source. Two feeds of one partner need two
 *     ids
 */
public record FeedTarget(Edition edition, String partnerId, Region region, ZoneId zone, Language language,
        String sourceId) {

    public FeedTarget {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(sourceId, "sourceId");
        if (!sourceId.matches(Ids.SLUG) || sourceId.length() > Ids.MAX_LENGTH) {
            throw new IllegalArgumentException("sourceId: a slug of at most " + Ids.MAX_LENGTH
                    + " characters, was " + sourceId);
        }
    }

    /** Into an edition, for a partner, in a region, in a zone; a French feed whose source id is the partner's id. */
    public FeedTarget(Edition edition, String partnerId, Region region, ZoneId zone) {
        this(edition, partnerId, region, zone, null, partnerId);
    }

    /** Into an edition, for a partner, in a region; zones as the feed says; the source id is the partner's id. */
    public static FeedTarget of(Edition edition, String partnerId, Region region) {
        return new FeedTarget(edition, partnerId, region, null);
    }

    /** The same, with the feed's texts in a language. */
    public FeedTarget withLanguage(Language value) {
        return new FeedTarget(edition, partnerId, region, zone, value, sourceId);
    }

    /** The same, for the activities of a source. */
    public FeedTarget withSource(String value) {
        return new FeedTarget(edition, partnerId, region, zone, language, value);
    }

    /** The language of texts that do not say theirs: French unless the target says otherwise. */
    public Language textLanguage() {
        return language == null ? Language.FR : language;
    }
}
