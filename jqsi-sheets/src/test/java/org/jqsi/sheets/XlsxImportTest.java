package org.jqsi.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jqsi.sheets.Sheets.into2021;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;

/** XLSX workbooks as spreadsheet programs save them, made here with a real writer: date cells are numbers with a date format. */
class XlsxImportTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    static byte[] workbook(Consumer<Worksheet> fill) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "LibreOffice", "7.4");
            fill.accept(workbook.newWorksheet("Activités"));
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void row(Worksheet sheet, int row, Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value instanceof String text) {
                sheet.value(row, c, text);
            } else if (value instanceof Number number) {
                sheet.value(row, c, number);
            } else if (value instanceof Boolean yes) {
                sheet.value(row, c, yes);
            } else if (value instanceof LocalDateTime dateTime) {
                sheet.value(row, c, dateTime);
                sheet.style(row, c).format("yyyy-mm-dd hh:mm").set();
            } else if (value instanceof LocalDate date) {
                sheet.value(row, c, date);
                sheet.style(row, c).format("dd/mm/yyyy").set();
            }
        }
    }

    private static Map<String, Activity> byTitle(SheetImport result) {
        return result.added().stream().collect(Collectors.toMap(a -> a.title().fr(), Function.identity()));
    }

    private static SheetImport importXlsx(byte[] bytes) {
        return Sheets.IMPORTER.importSheet(bytes, "cs3r.xlsx", into2021("cs3r", null), SampleProgram.data());
    }

    @Test
    void readsDateCellsTimeCellsNumbersBooleansAndTextOfAWorkbook() {
        byte[] bytes = workbook(sheet -> {
            row(sheet, 0, "Titre (français)", "Title (English)", "schedule.start", "Fin", "Région", "Inscription",
                    "Entrée");
            row(sheet, 1, "Quiz solidaire", "Solidarity quiz", LocalDateTime.of(2021, 11, 9, 19, 0),
                    LocalDateTime.of(2021, 11, 9, 21, 0), 4, true, 0);
            sheet.style(1, 3).format("h:mm").set();
            row(sheet, 2, "Exposition", "", LocalDate.of(2021, 11, 15), LocalDate.of(2021, 11, 26), "Mauricie", "",
                    12.5);
            sheet.style(2, 3).format("d mmmm yyyy").set();
            row(sheet, 3, "Atelier", "", "12 novembre 2021 16 h 30", "18 h", "04");
        });

        SheetImport result = importXlsx(bytes);

        assertThat(result.errors()).isEmpty();
        Map<String, Activity> added = byTitle(result);
        Activity quiz = added.get("Quiz solidaire");
        assertThat(quiz.schedule()).isEqualTo(Schedule.Timed.between(LocalDateTime.of(2021, 11, 9, 19, 0),
                LocalDateTime.of(2021, 11, 9, 21, 0), TORONTO));
        assertThat(quiz.region()).isEqualTo(Region.MAURICIE);
        assertThat(quiz.registration()).isEqualTo(Registration.requiredAt(null));
        assertThat(quiz.admission()).isEqualTo(Admission.free());
        assertThat(added.get("Exposition").schedule()).isEqualTo(Schedule.Window.days(LocalDate.of(2021, 11, 15),
                LocalDate.of(2021, 11, 26), TORONTO));
        assertThat(added.get("Exposition").admission().prices().get(0).amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(added.get("Atelier").schedule()).isEqualTo(Schedule.Timed.between(
                LocalDateTime.of(2021, 11, 12, 16, 30), LocalDateTime.of(2021, 11, 12, 18, 0), TORONTO));
        SheetImport again = Sheets.IMPORTER.importSheet(bytes, "cs3r.xlsx", into2021("cs3r", null), result.program());
        assertThat(again.changedAnything()).isFalse();
        assertThat(again.unchanged()).hasSize(3);
    }

    @Test
    void aDayCellWithATimeCellBesideIt() {
        byte[] bytes = workbook(sheet -> {
            row(sheet, 0, "Date", "Heure de début", "Heure de fin", "Titre");
            row(sheet, 1, LocalDate.of(2021, 11, 8), 2.0 / 3, 0.75, "Conférence");
            sheet.style(1, 1).format("hh:mm").set();
            sheet.style(1, 2).format("[h]:mm").set();
        });

        SheetImport result = importXlsx(bytes);

        assertThat(result.errors()).isEmpty();
        assertThat(result.added().get(0).schedule()).isEqualTo(Schedule.Timed.between(
                LocalDateTime.of(2021, 11, 8, 16, 0), LocalDateTime.of(2021, 11, 8, 18, 0), TORONTO));
    }

    @Test
    void aNumberThatIsNotFormattedAsADateIsAProblemAtItsCell() {
        byte[] bytes = workbook(sheet -> {
            row(sheet, 0, "Titre", "Début");
            row(sheet, 1, "Quiz", 44509.79);
        });

        SheetImport result = importXlsx(bytes);

        assertThat(result.errors()).extracting(p -> p.format(Language.FR)).containsExactly("cs3r.xlsx : ligne 2, "
                + "colonne Début (B) : « 44509.79 » est un nombre : donnez à la cellule un format de date, ou écrivez "
                + "la date (2021-11-12 16:00)");
    }

    @Test
    void anOldExcelFileOrABrokenWorkbookIsSaidInOneProblem() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        byte[] broken = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4};

        assertThat(importXlsx(xls).problems()).extracting(p -> p.format(Language.EN)).containsExactly("cs3r.xlsx: "
                + "this is an Excel 97-2003 workbook (.xls), which jqsi does not read: save it as an Excel workbook "
                + "(.xlsx) or as \"CSV UTF-8\"");
        assertThat(importXlsx(broken).problems()).extracting(p -> p.code()).containsExactly("sheet.xlsx-unreadable");
    }
}
