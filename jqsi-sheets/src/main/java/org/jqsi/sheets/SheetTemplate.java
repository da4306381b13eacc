package org.jqsi.sheets;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.sheets.internal.TemplateWriter;

/**
 * The spreadsheet template organisers fill: a header row with every column {@link SheetImporter} reads, labelled in
 * French or English, and one example row, an activity written the way the sheet says it. Reading the template back
 * gives the example activity again.
 *
 * <p>CSV is UTF-8 with a byte order mark, so that Excel opens it with its accents, lines ending in CRLF, fields
 * separated by {@code ;} in French and {@code ,} in English, as each language's Excel expects. XLSX has the dates as
 * date cells, a header that stays in view, and a note on each header saying what the column takes.
 */
public final class SheetTemplate {

    /** The template's headers in a language, in order. */
    public List<String> headers(Language language) {
        return TemplateWriter.headers(Objects.requireNonNull(language, "language"));
    }

    /**
     * Writes the template.
     *
     * @param format CSV or XLSX
     * @param language the language of the headers and of the example's labels (kind, mode, region…)
     * @param example the activity of the example row
     * @param out where to write; not closed
     */
    public void write(SheetFormat format, Language language, Activity example, OutputStream out) throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(out, "out");
        if (format == SheetFormat.CSV) {
            TemplateWriter.csv(example, language, out);
        } else {
            TemplateWriter.xlsx(example, language, out);
        }
    }
}
