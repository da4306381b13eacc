package org.jqsi.ical;

import java.time.ZoneId;
import java.util.Objects;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Region;

/**
 * What a partner's feed is imported into: its events become activities of this edition (only those that fall within
 * its dates), organised by this partner, in this region.
 *
 * @param edition the edition; recurring events are expanded within its dates
 * @param partnerId the {@link org.jqsi.core.model.Partner#id()} of the partner whose feed it is (the organizer)
 * @param region the region its activities belong to, or {@code null} for province-wide online ones
 * @param zone the zone to read floating times in and to keep times in, or {@code null} to take the feed's
 *     {@code X-WR-TIMEZONE}, else the settings' default zone
 */
public record FeedTarget(Edition edition, String partnerId, Region region, ZoneId zone) {

    public FeedTarget {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(partnerId, "partnerId");
    }

    /** Into an edition, for a partner, in a region; zones as the feed says. */
    public static FeedTarget of(Edition edition, String partnerId, Region region) {
        return new FeedTarget(edition, partnerId, region, null);
    }
}
