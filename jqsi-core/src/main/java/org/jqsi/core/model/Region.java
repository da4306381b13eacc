package org.jqsi.core.model;

import java.time.ZoneId;
import org.jqsi.core.internal.AccentFolding;
import java.util.Optional;

/**
 * The 17 administrative regions of Quebec, with their official two-digit codes.
 *
 * <p>English names follow the Government of Quebec's English usage; most regions keep their French name.
 */
public enum Region {
    BAS_SAINT_LAURENT("01", "Bas-Saint-Laurent", "Bas-Saint-Laurent"),
    SAGUENAY_LAC_SAINT_JEAN("02", "Saguenay–Lac-Saint-Jean", "Saguenay–Lac-Saint-Jean"),
    CAPITALE_NATIONALE("03", "Capitale-Nationale", "Capitale-Nationale"),
    MAURICIE("04", "Mauricie", "Mauricie"),
    ESTRIE("05", "Estrie", "Eastern Townships"),
    MONTREAL("06", "Montréal", "Montreal"),
    OUTAOUAIS("07", "Outaouais", "Outaouais"),
    ABITIBI_TEMISCAMINGUE("08", "Abitibi-Témiscamingue", "Abitibi-Témiscamingue"),
    COTE_NORD("09", "Côte-Nord", "North Shore"),
    NORD_DU_QUEBEC("10", "Nord-du-Québec", "Nord-du-Québec"),
    GASPESIE_ILES_DE_LA_MADELEINE("11", "Gaspésie–Îles-de-la-Madeleine", "Gaspésie–Îles-de-la-Madeleine"),
    CHAUDIERE_APPALACHES("12", "Chaudière-Appalaches", "Chaudière-Appalaches"),
    LAVAL("13", "Laval", "Laval"),
    LANAUDIERE("14", "Lanaudière", "Lanaudière"),
    LAURENTIDES("15", "Laurentides", "Laurentians"),
    MONTEREGIE("16", "Montérégie", "Montérégie"),
    CENTRE_DU_QUEBEC("17", "Centre-du-Québec", "Centre-du-Québec");

    /**
     * Eastern time, which most of Quebec keeps. The Magdalen Islands ({@code America/Halifax}) and the Lower North
     * Shore east of Natashquan ({@code America/Blanc-Sablon}, no daylight saving) do not: that is why a
     * {@link Schedule} carries its own zone instead of taking it from the region.
     */
    public static final ZoneId EASTERN = ZoneId.of("America/Toronto");

    private final String code;
    private final LocalizedText name;

    Region(String code, String fr, String en) {
        this.code = code;
        this.name = LocalizedText.of(fr, en);
    }

    /** The official two-digit code, {@code "01"} to {@code "17"}. */
    public String code() {
        return code;
    }

    /** The region's name in French and English. */
    public LocalizedText displayName() {
        return name;
    }

    /** The region with the given official code ({@code "04"} or {@code "4"}). */
    public static Optional<Region> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String trimmed = code.strip();
        if (trimmed.length() == 1) {
            trimmed = "0" + trimmed;
        }
        for (Region region : values()) {
            if (region.code.equals(trimmed)) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }

    /**
     * The region with the given French or English name, ignoring case, accents and the kind of dash:
     * {@code "Montérégie"}, {@code "monteregie"} and {@code "Saguenay-Lac-Saint-Jean"} all find their region.
     */
    public static Optional<Region> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = comparable(name);
        for (Region region : values()) {
            if (comparable(region.name.fr()).equals(wanted) || comparable(region.name.in(Language.EN)).equals(wanted)
                    || comparable(region.name()).equals(wanted)) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }

    /** A region given by code or by name, as people type it into a form or a URL. */
    public static Optional<Region> parse(String codeOrName) {
        return byCode(codeOrName).or(() -> byName(codeOrName));
    }

    private static String comparable(String text) {
        return AccentFolding.fold(text.strip()).replaceAll("[-_\\s]+", "-");
    }
}
