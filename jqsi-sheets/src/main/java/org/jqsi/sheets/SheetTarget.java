package org.jqsi.sheets;

import java.time.ZoneId;
import java.util.Objects;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Ids;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;

/**
 * What a spreadsheet is imported into, and what its rows lack: every row becomes an activity of this edition,
 * organised by this partner, owned by this source; a row with no region is in {@code region}, one with no time zone
 * in {@code zone}.
 *
 * @param edition the edition of every row's activity
 * @param partnerId the {@link org.jqsi.core.model.Partner#id()} of the partner whose sheet it is: the organizer of
 *     every row's activity
 * @param region the region of a row that names none, or {@code null} to leave such rows without one (province-wide
 *     online activities)
 * @param zone the zone of a row that names none and whose municipality is on Eastern time, or {@code null} for
 *     {@link Region#EASTERN} ({@code America/Toronto})
 * @param language the language of the sheet's texts whose column does not say theirs (a « Description » column, a
 *     "Title" column): in an English sheet they are the English texts, and the French ones say they are in English
 *     when the sheet has no French column. {@code null} is French
 * @param sourceId the id of the source the rows' activities belong to ({@link org.jqsi.core.model.Origin#source()}),
 *     a slug: the import changes and cancels only the activities of this source (see {@link SheetImporter})
 */
public record SheetTarget(Edition edition, String partnerId, Region region, ZoneId zone, Language language,
        String sourceId) {

    public SheetTarget {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(sourceId, "sourceId");
        if (!sourceId.matches(Ids.SLUG) || sourceId.length() > Ids.MAX_LENGTH) {
            throw new IllegalArgumentException("sourceId: a slug of at most " + Ids.MAX_LENGTH
                    + " characters, was " + sourceId);
        }
    }

    /**
     * Into an edition, for a partner, with a default region (or {@code null}) and Eastern time; a French sheet whose
     * source id is the partner's id.
     */
    public static SheetTarget of(Edition edition, String partnerId, Region region) {
        return new SheetTarget(edition, partnerId, region, null, null, partnerId);
    }

    /** The same, for the activities of a source. */
    public SheetTarget withSource(String value) {
        return new SheetTarget(edition, partnerId, region, zone, language, value);
    }

    /** The same, with the sheet's texts in a language. */
    public SheetTarget withLanguage(Language value) {
        return new SheetTarget(edition, partnerId, region, zone, value, sourceId);
    }

    /** The zone of a row that names none: {@link #zone()}, or Eastern time. */
    public ZoneId zoneOrEastern() {
        return zone == null ? Region.EASTERN : zone;
    }

    /** The language of texts whose column does not say theirs: French unless the target says otherwise. */
    public Language textLanguage() {
        return language == null ? Language.FR : language;
    }
}
