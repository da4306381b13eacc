package org.jqsi.sheets.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * What one cell holds: text (every cell of a CSV file, and text cells of a workbook), or, from a workbook, a number, a
 * date, a time or a date and time (a number cell whose format is a date or time format).
 */
sealed interface CellValue {

    /** An empty cell. */
    CellValue EMPTY = new Text("");

    /** The value as text, as a person would read it: numbers without a useless {@code .0}, dates in ISO 8601. */
    String text();

    /** Whether it holds nothing but blanks. */
    default boolean isBlank() {
        return text().isBlank();
    }

    /** Text; line breaks within it are {@code \n}, whatever the file used. */
    record Text(String value) implements CellValue {

        public Text {
            value = value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n").replace('\r', '\n');
        }

        @Override
        public String text() {
            return value;
        }
    }

    record Number(BigDecimal value) implements CellValue {
        @Override
        public String text() {
            return value.stripTrailingZeros().toPlainString();
        }
    }

    record DateTime(LocalDateTime value) implements CellValue {
        @Override
        public String text() {
            return value.toLocalDate() + " " + value.toLocalTime();
        }
    }

    record Date(LocalDate value) implements CellValue {
        @Override
        public String text() {
            return value.toString();
        }
    }

    record Time(LocalTime value) implements CellValue {
        @Override
        public String text() {
            return value.toString();
        }
    }
}
