package org.jqsi.sheets.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an XLSX workbook (Excel 2007 and later, LibreOffice, Google Sheets' download), read row by row.
 *
 * <p>A spreadsheet keeps a date as a number of days (since 1899-12-30, or 1904-01-01 in workbooks made so), and only
 * the cell's number format says it is one: a number cell whose format has day, month or year codes is a date, one
 * with hour or second codes a time, one with both a date and time. Others stay numbers. Times are rounded to the
 * second, since a day's fraction is not exact in binary ({@code 16:00} is stored as {@code 0.66666…}).
 */
final class XlsxSheet {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private XlsxSheet() {
    }

    /** Whether the bytes are a ZIP archive, as every XLSX file is. */
    static boolean isXlsx(byte[] bytes) {
        return bytes.length >= 4 && ReadableWorkbook.isOOXMLZipHeader(bytes);
    }

    /** Whether the bytes are an OLE2 compound file: an Excel 97–2003 {@code .xls} workbook. */
    static boolean isOldExcel(byte[] bytes) {
        return bytes.length >= 8 && ReadableWorkbook.isOLE2Header(bytes);
    }

    /** The rows of the workbook's first sheet, or {@code null} when it cannot be read (said in the problems). */
    static RawSheet read(byte[] bytes, int maxRows, SheetProblems problems) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes),
                new ReadingOptions(true, false));
                Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            LocalDate epoch = workbook.isDate1904() ? LocalDate.of(1904, 1, 1) : LocalDate.of(1899, 12, 30);
            List<RawSheet.Row> rows = new ArrayList<>();
            Iterator<Row> iterator = stream.iterator();
            while (iterator.hasNext()) {
                Row row = iterator.next();
                if (row.getRowNum() > maxRows) {
                    problems.error(SheetPlace.row(row.getRowNum()), "sheet.too-many-rows", Integer.toString(maxRows));
                    return null;
                }
                List<CellValue> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(value(row.getCell(i), epoch, workbook.isDate1904()));
                }
                RawSheet.Row raw = new RawSheet.Row(row.getRowNum(), cells);
                if (!raw.isBlank()) {
                    rows.add(raw);
                }
            }
            return new RawSheet(rows);
        } catch (IOException | RuntimeException e) {
            // A damaged archive, or a ZIP that is not a workbook (an .ods, a .docx).
            problems.error(SheetPlace.FILE, "sheet.xlsx-unreadable");
            return null;
        }
    }

    private static CellValue value(Cell cell, LocalDate epoch, boolean date1904) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return CellValue.EMPTY;
        }
        String raw = cell.getRawValue();
        if (raw == null) {
            return CellValue.EMPTY;
        }
        if (cell.getType() == CellType.NUMBER || cell.getType() == CellType.FORMULA && isNumber(raw)) {
            BigDecimal number;
            try {
                number = new BigDecimal(raw.strip());
            } catch (NumberFormatException e) {
                return new CellValue.Text(raw);
            }
            return switch (dateKind(cell.getDataFormatId(), cell.getDataFormatString())) {
                case DATE -> new CellValue.Date(dateTime(number, epoch, date1904).toLocalDate());
                case TIME -> new CellValue.Time(dateTime(number, epoch, date1904).toLocalTime());
                case DATE_TIME -> new CellValue.DateTime(dateTime(number, epoch, date1904));
                case NONE -> new CellValue.Number(number);
            };
        }
        if (cell.getType() == CellType.BOOLEAN) {
            return new CellValue.Text("1".equals(raw) || "true".equalsIgnoreCase(raw) ? "true" : "false");
        }
        return new CellValue.Text(raw);
    }

    private static boolean isNumber(String raw) {
        return NUMBER.matcher(raw.strip()).matches();
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    /** A spreadsheet's serial date (days, with the time as a fraction of a day), to the second. */
    static LocalDateTime dateTime(BigDecimal serial, LocalDate epoch, boolean date1904) {
        long days = serial.setScale(0, RoundingMode.FLOOR).longValueExact();
        long seconds = serial.subtract(BigDecimal.valueOf(days)).multiply(SECONDS_PER_DAY)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        // Lotus 1-2-3's mistake, kept by Excel: 1900 has a February 29 (serial 60), so serials before it are a day off.
        LocalDate base = !date1904 && days < 61 ? epoch.plusDays(1) : epoch;
        return base.plusDays(days).atStartOfDay().plusSeconds(seconds);
    }

    enum DateKind { NONE, DATE, TIME, DATE_TIME }

    /**
     * What a number format shows: a date, a time, both, or a plain number. Text in quotes, escaped characters and
     * bracketed parts ({@code [Red]}, {@code [$-fr-CA]}) are not codes, except elapsed time ({@code [h]}).
     */
    static DateKind dateKind(Integer id, String format) {
        if (format == null || format.isBlank()) {
            return builtIn(id);
        }
        String codes = format.toLowerCase(Locale.ROOT)
                .replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\\\.", "")
                .replaceAll("\\[(h+|m+|s+)]", "$1")
                .replaceAll("\\[[^]]*]", "");
        // The part for positive numbers is what a date is shown with.
        int section = codes.indexOf(';');
        if (section >= 0) {
            codes = codes.substring(0, section);
        }
        // "General" and scientific "0.00E+00" have letters too, but none of these.
        boolean date = codes.indexOf('y') >= 0 || codes.indexOf('d') >= 0;
        boolean time = codes.indexOf('h') >= 0 || codes.indexOf('s') >= 0;
        if (!date && !time && codes.indexOf('m') >= 0) {
            // "mmm yyyy" has a year; an "m" alone is a month (Excel reads "m" next to "h" or "s" as minutes).
            date = true;
        }
        if (date && time) {
            return DateKind.DATE_TIME;
        }
        return date ? DateKind.DATE : time ? DateKind.TIME : DateKind.NONE;
    }

    /** Excel's built-in formats, which a workbook may leave unnamed: 14–17 dates, 18–21 and 45–47 times, 22 both. */
    private static DateKind builtIn(Integer id) {
        if (id == null) {
            return DateKind.NONE;
        }
        if (id >= 14 && id <= 17) {
            return DateKind.DATE;
        }
        if (id >= 18 && id <= 21 || id >= 45 && id <= 47) {
            return DateKind.TIME;
        }
        return id == 22 ? DateKind.DATE_TIME : DateKind.NONE;
    }
}
