package org.jqsi.sheets.internal;

import java.util.List;

/**
 * The cells of a spreadsheet's first sheet, row by row, before any of them is understood.
 *
 * @param rows the rows that hold anything, in order; the first is the header
 */
record RawSheet(List<Row> rows) {

    RawSheet {
        rows = List.copyOf(rows);
    }

    /**
     * One row.
     *
     * @param number its number as the spreadsheet program shows it (1 for the first)
     * @param cells its cells from column A on; missing ones at the end are empty
     */
    record Row(int number, List<CellValue> cells) {

        Row {
            cells = List.copyOf(cells);
        }

        CellValue cell(int index) {
            return index < cells.size() ? cells.get(index) : CellValue.EMPTY;
        }

        boolean isBlank() {
            return cells.stream().allMatch(CellValue::isBlank);
        }
    }
}
