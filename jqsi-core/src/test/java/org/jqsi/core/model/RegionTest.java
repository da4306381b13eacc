package org.jqsi.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionTest {

    @Test
    void quebecHasSeventeenRegionsCodedOneToSeventeen() {
        assertThat(Region.values()).hasSize(17);
        assertThat(Arrays.stream(Region.values()).map(Region::code))
                .containsExactly("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14",
                        "15", "16", "17");
    }

    @ParameterizedTest
    @CsvSource({"04, MAURICIE", "4, MAURICIE", "11, GASPESIE_ILES_DE_LA_MADELEINE", "17, CENTRE_DU_QUEBEC"})
    void regionsAreFoundByCode(String code, Region expected) {
        assertThat(Region.byCode(code)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "Montérégie, MONTEREGIE",
        "monteregie, MONTEREGIE",
        "MONTÉRÉGIE, MONTEREGIE",
        "Saguenay–Lac-Saint-Jean, SAGUENAY_LAC_SAINT_JEAN",
        "Saguenay-Lac-Saint-Jean, SAGUENAY_LAC_SAINT_JEAN",
        "Gaspesie-Iles-de-la-Madeleine, GASPESIE_ILES_DE_LA_MADELEINE",
        "Eastern Townships, ESTRIE",
        "Montreal, MONTREAL",
        "Côte-Nord, COTE_NORD",
        "North Shore, COTE_NORD",
        "nord du quebec, NORD_DU_QUEBEC"
    })
    void regionsAreFoundByNameWithOrWithoutAccents(String name, Region expected) {
        assertThat(Region.byName(name)).contains(expected);
        assertThat(Region.parse(name)).contains(expected);
    }

    @Test
    void unknownCodesAndNamesFindNothing() {
        assertThat(Region.byCode("18")).isEmpty();
        assertThat(Region.byCode("00")).isEmpty();
        assertThat(Region.byName("Ontario")).isEmpty();
        assertThat(Region.parse(null)).isEmpty();
    }

    @Test
    void namesAreBilingual() {
        assertThat(Region.ESTRIE.displayName().in(Language.FR)).isEqualTo("Estrie");
        assertThat(Region.ESTRIE.displayName().in(Language.EN)).isEqualTo("Eastern Townships");
        assertThat(Region.MAURICIE.displayName().in(Language.EN)).isEqualTo("Mauricie");
    }
}
