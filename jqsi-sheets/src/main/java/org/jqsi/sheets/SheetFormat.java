package org.jqsi.sheets;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The kinds of spreadsheet file jqsi reads and writes. */
public enum SheetFormat {
    /** Comma- or semicolon-separated values, UTF-8. */
    CSV,
    /** An Excel 2007+ workbook (Office Open XML). */
    XLSX;

    /** The format a file's name says: {@code .csv} or {@code .xlsx}, in any case. */
    public static Optional<SheetFormat> ofName(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (text.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        return text.endsWith(".xlsx") ? Optional.of(XLSX) : Optional.empty();
    }
}
