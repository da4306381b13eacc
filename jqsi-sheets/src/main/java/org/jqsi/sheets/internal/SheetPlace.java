package org.jqsi.sheets.internal;

import org.jqsi.core.model.LocalizedText;

/**
 * Where in a spreadsheet something is, as the spreadsheet program shows it: the row number in its margin (the header
 * is row 1, the first activity row 2; a CSV row that holds a quoted line break is still one row) and the column by
 * its header as written in the file, with its letter ({@code A}, {@code B}, … {@code AA}).
 *
 * <p>jqsi-core's {@link org.jqsi.core.validation.Problem} has no spreadsheet place yet: {@link SheetProblems#add}
 * is the one place that turns this into one.
 *
 * @param row the row number, or 0 for the whole file
 * @param column the column's header as written, or {@code null} for a whole row
 * @param letter the column's letter, or {@code null}
 * @param path what the place is in the program file's terms ({@code schedule.end}) when no column of the sheet
 *     holds it, or {@code null}
 */
record SheetPlace(int row, String column, String letter, String path) {

    /** The whole file. */
    static final SheetPlace FILE = new SheetPlace(0, null, null, null);

    /** A whole row. */
    static SheetPlace row(int row) {
        return new SheetPlace(row, null, null, null);
    }

    /** One cell, or a header when {@code row} is 1. */
    static SheetPlace cell(int row, String column, int index) {
        return new SheetPlace(row, column, letter(index), null);
    }

    /** A part of a row's activity that no column of the sheet holds, by its path in the program file. */
    static SheetPlace rowPath(int row, String path) {
        return new SheetPlace(row, null, null, path);
    }

    /** « ligne 4, colonne Début (B) » and "row 4, column Début (B)"; empty for the whole file. */
    LocalizedText describe() {
        if (row <= 0) {
            return null;
        }
        String number = Integer.toString(row);
        if (column != null) {
            return column.isBlank() ? SheetMessages.text("place.letter", number, letter)
                    : SheetMessages.text("place.cell", number, column, letter);
        }
        if (path != null) {
            return SheetMessages.text("place.row-path", number, path);
        }
        return SheetMessages.text("place.row", number);
    }

    /** The letter a spreadsheet program gives the column at a 0-based index: A … Z, AA … AZ, BA … */
    static String letter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
