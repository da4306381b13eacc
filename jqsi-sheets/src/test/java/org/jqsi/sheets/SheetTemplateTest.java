package org.jqsi.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.Audience;
import org.jqsi.core.model.Geo;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Link;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.Origin;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Price;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The template: written, read back, its example row imports as the activity it was made from. */
class SheetTemplateTest {

    private final SheetTemplate template = new SheetTemplate();

    private byte[] write(SheetFormat format, Language language, Activity example) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        template.write(format, language, example, out);
        return out.toByteArray();
    }

    /** A program with every partner and edition of the sample, and none of its activities. */
    private static ProgramData withoutActivities() {
        return new ProgramData(SampleProgram.editions(), SampleProgram.partners(), List.of());
    }

    @ParameterizedTest
    @CsvSource({"FR, CSV", "EN, CSV", "FR, XLSX", "EN, XLSX"})
    void theExampleRowOfTheTemplateImportsAsTheSampleActivityItCameFrom(Language language, SheetFormat format)
            throws IOException {
        Activity example = SampleProgram.shortFilms();
        byte[] bytes = write(format, language, example);
        SheetTarget target = SheetTarget.of(Sheets.edition(SampleProgram.EDITION_2020), "les-ptites-vues", null);

        SheetImport intoSample = Sheets.IMPORTER.importSheet(bytes, "modele", target, SampleProgram.data());
        SheetImport intoEmpty = Sheets.IMPORTER.importSheet(bytes, "modele", target, withoutActivities());

        // The sample's activity is the program file's: the row does not change it, it comes under the sheet's name.
        assertThat(intoSample.errors()).isEmpty();
        assertThat(intoSample.warnings()).extracting(p -> p.code()).containsOnlyOnce("row.id-taken");
        assertThat(intoSample.program().activities()).contains(example);
        assertThat(intoSample.added()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("les-ptites-vues-" + example.id());
            assertThat(a.toBuilder().id(example.id()).lastModified(null).origin(Origin.PROGRAM_FILE).build())
                    .isEqualTo(example);
        });
        assertThat(intoEmpty.errors()).isEmpty();
        assertThat(intoEmpty.added()).singleElement().satisfies(a -> {
            assertThat(a.origin()).isEqualTo(Origin.of("les-ptites-vues", example.id()));
            assertThat(a.toBuilder().lastModified(null).origin(Origin.PROGRAM_FILE).build()).isEqualTo(example);
        });
    }

    @ParameterizedTest
    @CsvSource({"FR, CSV", "EN, CSV", "FR, XLSX", "EN, XLSX"})
    void everyColumnTheTemplateWritesReadsBack(Language language, SheetFormat format) throws IOException {
        Activity everything = Activity.builder("quiz-solidaire-2021")
                .edition(SampleProgram.EDITION_2021)
                .kind(ActivityKind.QUIZ)
                .title(LocalizedText.of("Quiz solidaire", "Solidarity quiz"))
                .description(LocalizedText.of("Cinq manches.\nEn équipes.", "Five rounds.\nIn teams."))
                .schedule(new Schedule.Window(LocalDate.of(2021, 11, 9), LocalDate.of(2021, 11, 12),
                        LocalTime.of(10, 0), LocalTime.of(17, 0), ZoneId.of("America/Halifax")))
                .place(new Place.Hybrid(new Place.Venue("Salle communautaire",
                        new Address("380, chemin Principal", "Cap-aux-Meules", "G4T 1C9"), new Geo(47.38, -61.86)),
                        new Place.Online(URI.create("https://www.facebook.com/cs3r.org/live"),
                                OnlinePlatform.FACEBOOK, "cs3r")))
                .region(Region.GASPESIE_ILES_DE_LA_MADELEINE)
                .partner("cs3r", PartnerRole.ORGANIZER)
                .partner("vues-d-afrique", PartnerRole.PARTNER)
                .partner("ceci", PartnerRole.SPONSOR)
                .registration(new Registration(true, URI.create("https://www.cs3r.org/quiz"), "info@cs3r.org",
                        LocalDate.of(2021, 11, 5)))
                .admission(new Admission(List.of(new Price(new BigDecimal("15.00"), null),
                        new Price(new BigDecimal("10.50"), LocalizedText.fr("étudiants")))))
                .languages(List.of(Locale.forLanguageTag("fr"), Locale.forLanguageTag("es"),
                        Locale.forLanguageTag("fcs")))
                .audiences(List.of(Audience.STUDENTS, Audience.FAMILIES))
                .themeTags(List.of("justice-climatique", "migration"))
                .status(Status.MOVED_ONLINE)
                .links(List.of(new Link(URI.create("https://www.cs3r.org/jqsi"), null)))
                .build();
        byte[] bytes = write(format, language, everything);

        SheetImport result = Sheets.IMPORTER.importSheet(bytes, "modele",
                SheetTarget.of(Sheets.edition(SampleProgram.EDITION_2021), "cs3r", null), withoutActivities());

        assertThat(result.errors()).isEmpty();
        assertThat(result.added()).singleElement().satisfies(a -> {
            assertThat(a.origin()).isEqualTo(Origin.of("cs3r", "quiz-solidaire-2021"));
            assertThat(a.toBuilder().lastModified(null).origin(Origin.PROGRAM_FILE).build()).isEqualTo(everything);
        });
    }

    @Test
    void aCsvTemplateIsWhatEachLanguagesExcelOpensAsIs() throws IOException {
        String french = new String(write(SheetFormat.CSV, Language.FR, SampleProgram.shortFilms()),
                StandardCharsets.UTF_8);
        String english = new String(write(SheetFormat.CSV, Language.EN, SampleProgram.shortFilms()),
                StandardCharsets.UTF_8);

        assertThat(french).startsWith("\uFEFF" + String.join(";", template.headers(Language.FR)) + "\r\n")
                .startsWith("\uFEFFIdentifiant;Type;Titre (français);Titre (anglais);Description (français);")
                .contains("\r\nsoiree-courts-metrages-engages-2020;projection;Soirée de courts métrages engagés;")
                .contains(";2020-11-06 19:30;2020-11-06 21:30;").endsWith("\r\n");
        assertThat(english).startsWith("\uFEFFId,Type,Title (French),Title (English),Description (French),")
                .contains(",screening,").contains("les-ptites-vues (organizer); culture-trois-rivieres (broadcaster)");
        assertThat(french.split("\r\n")).hasSize(2);
    }

    @Test
    void anXlsxTemplateHasRealDateCellsAndEveryColumn() throws IOException {
        byte[] bytes = write(SheetFormat.XLSX, Language.FR, SampleProgram.shortFilms());

        List<Row> rows;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes),
                new ReadingOptions(true, false))) {
            rows = new ArrayList<>(workbook.getFirstSheet().read());
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("Activités");
        }
        List<String> headers = rows.get(0).stream().map(Cell::getText).toList();
        assertThat(headers).isEqualTo(template.headers(Language.FR));
        int start = headers.indexOf("Début");
        Cell startCell = rows.get(1).getCell(start);
        assertThat(startCell.getType()).isEqualTo(CellType.NUMBER);
        assertThat(startCell.getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");
        assertThat(startCell.asDate()).isEqualTo(LocalDateTime.of(2020, 11, 6, 19, 30));
    }
}
