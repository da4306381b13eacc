package org.jqsi.sheets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Headers and the values of the few-valued columns, matched as people type them. */
class HeadersTest {

    private static Headers headers(String... names) {
        List<CellValue> cells = java.util.Arrays.stream(names).<CellValue>map(CellValue.Text::new).toList();
        return Headers.of(new RawSheet(List.of(new RawSheet.Row(1, cells))), new SheetProblems("x.csv"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Titre (français)   | TITLE_FR", "titre francais | TITLE_FR", "TITRE-FRANÇAIS | TITLE_FR",
        "title.fr           | TITLE_FR", "Title (French)  | TITLE_FR", "  Titre   | TITLE_FR",
        "Début              | START", "DEBUT | START", "schedule.start | START", "Start | START",
        "schedule.first     | START", "Région | REGION", "region | REGION", "Municipalité | MUNICIPALITY",
        "Ville              | MUNICIPALITY", "place.venue.name | VENUE", "Lieu | VENUE", "Lien | ONLINE_URL",
        "place.online.url   | ONLINE_URL", "Inscription | REGISTRATION", "Entrée | ADMISSION", "Prix | ADMISSION",
        "Thèmes             | THEMES", "themeTags | THEMES", "Fuseau horaire | ZONE", "Description | DESCRIPTION_FR",
        "Type               | KIND", "Heure de début | START_TIME", "Date | DATE",
    })
    void aHeaderIsItsColumnWhateverCaseAccentsSpacesAndPunctuation(String header, Column column) {
        assertThat(headers(header).has(column)).isTrue();
    }

    @Test
    void everyLabelOfTheTemplateIsItsOwnColumn() {
        for (Language language : Language.values()) {
            for (Column column : Column.values()) {
                assertThat(headers(column.label(language)).has(column)).as(column + " " + language).isTrue();
            }
        }
    }

    @Test
    void theNearestColumnIsWithinAFewTyposOrWhatTheHeaderStartsWith() {
        assertThat(Headers.nearest(Headers.fold("Munipalité"))).contains("Municipalité");
        assertThat(Headers.nearest(Headers.fold("Titre de l'activité"))).contains("Titre");
        assertThat(Headers.nearest(Headers.fold("Remarques"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "04 | MAURICIE", "4 | MAURICIE", "Mauricie | MAURICIE", "MAURICIE | MAURICIE", "Bas-Saint-Laurent | "
                + "BAS_SAINT_LAURENT", "bas saint laurent | BAS_SAINT_LAURENT",
        "Gaspesie–Iles-de-la-Madeleine | GASPESIE_ILES_DE_LA_MADELEINE",
        "Gaspésie-Îles-de-la-Madeleine | GASPESIE_ILES_DE_LA_MADELEINE", "Montreal | MONTREAL",
        "Eastern Townships | ESTRIE", "04 - Mauricie | MAURICIE", "Mauricie (04) | MAURICIE",
        "17 – Centre-du-Québec | CENTRE_DU_QUEBEC",
    })
    void aRegionByCodeOrNameWithOrWithoutAccents(String text, Region region) {
        assertThat(RowReader.regionNamed(text)).contains(region);
    }

    @Test
    void aRegionWhoseCodeAndNameDisagreeIsNone() {
        assertThat(RowReader.regionNamed("05 - Mauricie")).isEqualTo(Optional.empty());
        assertThat(RowReader.regionNamed("18")).isEmpty();
        assertThat(RowReader.regionNamed("Ontario")).isEmpty();
    }

    @Test
    void spreadsheetColumnLetters() {
        assertThat(List.of(0, 1, 25, 26, 27, 51, 52, 701, 702).stream().map(SheetPlace::letter).toList())
                .containsExactly("A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA");
    }

    @Test
    void aNumberFormatIsADateATimeOrANumber() {
        assertThat(XlsxSheet.dateKind(null, "yyyy-mm-dd hh:mm")).isEqualTo(XlsxSheet.DateKind.DATE_TIME);
        assertThat(XlsxSheet.dateKind(null, "[$-fr-CA]d mmmm yyyy")).isEqualTo(XlsxSheet.DateKind.DATE);
        assertThat(XlsxSheet.dateKind(null, "h:mm AM/PM")).isEqualTo(XlsxSheet.DateKind.TIME);
        assertThat(XlsxSheet.dateKind(null, "[h]:mm")).isEqualTo(XlsxSheet.DateKind.TIME);
        assertThat(XlsxSheet.dateKind(null, "mmm yyyy")).isEqualTo(XlsxSheet.DateKind.DATE);
        assertThat(XlsxSheet.dateKind(null, "General")).isEqualTo(XlsxSheet.DateKind.NONE);
        assertThat(XlsxSheet.dateKind(null, "# ##0,00 \"$\";[Red]-# ##0,00 \"$\"")).isEqualTo(XlsxSheet.DateKind.NONE);
        assertThat(XlsxSheet.dateKind(null, "0.00E+00")).isEqualTo(XlsxSheet.DateKind.NONE);
        assertThat(XlsxSheet.dateKind(14, null)).isEqualTo(XlsxSheet.DateKind.DATE);
        assertThat(XlsxSheet.dateKind(22, null)).isEqualTo(XlsxSheet.DateKind.DATE_TIME);
        assertThat(XlsxSheet.dateKind(2, null)).isEqualTo(XlsxSheet.DateKind.NONE);
    }
}
