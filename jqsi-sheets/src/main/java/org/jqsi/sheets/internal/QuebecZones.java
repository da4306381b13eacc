package org.jqsi.sheets.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jqsi.core.model.Region;

/**
 * The time zones of Quebec, as a sheet names them, and the places that are not on Eastern time.
 *
 * <p>jqsi-core keeps the zone in each {@link org.jqsi.core.model.Schedule}, not in the region, because two regions
 * straddle zones: the Magdalen Islands (in Gaspésie–Îles-de-la-Madeleine) keep Atlantic time
 * ({@code America/Halifax}), and the Lower North Shore east of Natashquan (in Côte-Nord: the MRC du
 * Golfe-du-Saint-Laurent) Atlantic standard time all year ({@code America/Blanc-Sablon}). The rest of Quebec is on
 * {@link Region#EASTERN}. So a sheet's row is in the zone its « Fuseau horaire » column names (an IANA id, or one of
 * the names below), else the zone of its municipality when that is one of those places, else the import's zone.
 */
final class QuebecZones {

    static final ZoneId HALIFAX = ZoneId.of("America/Halifax");
    static final ZoneId BLANC_SABLON = ZoneId.of("America/Blanc-Sablon");

    private static final Map<String, ZoneId> BY_NAME = new HashMap<>();
    private static final Map<String, ZoneId> BY_MUNICIPALITY = new HashMap<>();

    static {
        names(Region.EASTERN, "heure de l'Est", "Est", "Eastern", "Eastern time", "HNE", "HAE", "EST", "EDT",
                "America/Montreal");
        names(HALIFAX, "heure de l'Atlantique", "Atlantique", "Atlantic", "Atlantic time", "HNA", "HAA", "AST",
                "ADT", "Îles-de-la-Madeleine", "Magdalen Islands", "Canada/Atlantic");
        names(BLANC_SABLON, "Basse-Côte-Nord", "Lower North Shore", "Blanc-Sablon");
        municipalities(HALIFAX, "Les Îles-de-la-Madeleine", "Îles-de-la-Madeleine", "Grosse-Île", "Cap-aux-Meules",
                "Fatima", "L'Étang-du-Nord", "Havre-aux-Maisons", "Havre-Aubert", "Grande-Entrée", "L'Île-d'Entrée",
                "Bassin", "Pointe-aux-Loups", "Old Harry");
        municipalities(BLANC_SABLON, "Blanc-Sablon", "Bonne-Espérance", "Saint-Augustin", "Gros-Mécatina",
                "Côte-Nord-du-Golfe-du-Saint-Laurent", "Lourdes-de-Blanc-Sablon", "Harrington Harbour",
                "Tête-à-la-Baleine", "Chevery", "La Tabatière", "Mutton Bay", "Vieux-Fort", "Rivière-Saint-Paul",
                "Middle Bay");
    }

    private QuebecZones() {
    }

    private static void names(ZoneId zone, String... names) {
        for (String name : names) {
            BY_NAME.put(Headers.fold(name), zone);
        }
    }

    private static void municipalities(ZoneId zone, String... names) {
        for (String name : names) {
            BY_MUNICIPALITY.put(Headers.fold(name), zone);
        }
    }

    /** The zone a cell names: an IANA zone id ({@code America/Toronto}) or a name above. */
    static Optional<ZoneId> named(String text) {
        ZoneId byName = BY_NAME.get(Headers.fold(text));
        if (byName != null) {
            return Optional.of(byName);
        }
        String id = text.strip();
        // An offset ("-05:00", "UTC-5") would not follow daylight saving: only region ids are zones of a program.
        if (!id.contains("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id)).filter(z -> ZoneId.getAvailableZoneIds().contains(z.getId()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The zone of a municipality that is not on Eastern time, in its region (or with no region said): there is a
     * Saint-Augustin on the Lower North Shore and another by Lac Saint-Jean.
     */
    static Optional<ZoneId> ofMunicipality(String municipality, Region region) {
        if (municipality == null) {
            return Optional.empty();
        }
        ZoneId zone = BY_MUNICIPALITY.get(Headers.fold(municipality));
        Region expected = HALIFAX.equals(zone) ? Region.GASPESIE_ILES_DE_LA_MADELEINE : Region.COTE_NORD;
        return zone != null && (region == null || region == expected) ? Optional.of(zone) : Optional.empty();
    }

    /** What the « Fuseau horaire » column accepts, for messages. */
    static List<String> examples() {
        return List.of("America/Toronto", "America/Halifax", "America/Blanc-Sablon", "Îles-de-la-Madeleine",
                "Basse-Côte-Nord");
    }
}
