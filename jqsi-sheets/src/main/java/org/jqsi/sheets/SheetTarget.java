package org.jqsi.sheets;

import java.time.ZoneId;
import java.util.Objects;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Region;

/**
 * What a spreadsheet is imported into, and what its rows lack: every row becomes an activity of this edition,
 * organised by this partner; a row with no region is in {@code region}, one with no time zone in {@code zone}.
 *
 * @param edition the edition of every row's activity
 * @param partnerId the {@link org.jqsi.core.model.Partner#id()} of the partner whose sheet it is: the organizer of
 *     every row's activity, and the owner of what earlier imports of its sheets made (see {@link SheetImporter})
 * @param region the region of a row that names none, or {@code null} to leave such rows without one (province-wide
 *     online activities)
 * @param zone the zone of a row that names none and whose municipality is on Eastern time, or {@code null} for
 *     {@link Region#EASTERN} ({@code America/Toronto})
 */
public record SheetTarget(Edition edition, String partnerId, Region region, ZoneId zone) {

    public SheetTarget {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(partnerId, "partnerId");
    }

    /** Into an edition, for a partner, with a default region (or {@code null}) and Eastern time. */
    public static SheetTarget of(Edition edition, String partnerId, Region region) {
        return new SheetTarget(edition, partnerId, region, null);
    }

    /** The zone of a row that names none: {@link #zone()}, or Eastern time. */
    public ZoneId zoneOrEastern() {
        return zone == null ? Region.EASTERN : zone;
    }
}
