package org.jqsi.sheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.sheets.internal.SheetRun;

/**
 * Imports an organiser's spreadsheet of activities (CSV or XLSX, one activity a row) into a program.
 *
 * <h2>The file</h2>
 * An XLSX workbook (its first sheet), or a CSV file in UTF-8, with or without a byte order mark, its fields separated
 * by commas or semicolons (as French spreadsheet programs write them; told from the header line), quoted when they
 * hold a separator, a quote or a line break. The kind is told by the content, not the name. A CSV file in another
 * encoding (Windows-1252, as older versions of Excel write « CSV ») is refused with one problem that says how to save
 * it as « CSV UTF-8 »; an Excel 97–2003 {@code .xls} file likewise.
 *
 * <h2>The columns</h2>
 * The first row names the columns, each in French (« Titre (français) », « Début », « Région »), in English ("Title
 * (English)", "Start") or by the program file's path ({@code title.fr}, {@code schedule.start}); one sheet may mix
 * them, and case, accents, spaces and punctuation do not matter. A header that is not a column is an error naming the
 * nearest column; a column whose header starts with {@code #} is not read. « Titre (français) » and « Début » (or
 * « Date ») are required. {@code jqsi-sheets/README.md} lists every column and what it accepts, and
 * {@link SheetTemplate} writes a sheet with all of them.
 *
 * <h2>Dates</h2>
 * Date cells of a workbook, or text as organisers type it: {@code 2021-11-12 16:00}, {@code 12/11/2021 16 h}
 * (<b>day first</b>: {@code 11/13/2021} is refused, never read month first), {@code 12 novembre 2021 16h30},
 * {@code November 12, 2021 4:00 PM}; « à confirmer » or "TBA" for a date to be announced. Times are wall-clock times
 * in the row's zone (its « Fuseau horaire », else that of its municipality when it is on the Magdalen Islands or the
 * Lower North Shore, else the target's, else {@code America/Toronto}), whatever daylight saving does.
 *
 * <h2>The merge, and who owns what</h2>
 * Each row's activity is matched by id: its « Identifiant », or one made from its French title and start so that
 * importing the same sheet twice changes nothing. See {@link SheetImport} for the outcome. Every row's activity is
 * owned by the target's source ({@link SheetTarget#sourceId()}): its {@link org.jqsi.core.model.Origin} is that source
 * and the row's id (given or made). The sheet changes and cancels only the activities of its source: a row whose id
 * is that of another owner's activity (the program file's, another source's) never changes it; it is imported under
 * the source's name ({@code <source>-<id>}) with a warning, the rule {@code import-ics} follows
 * ({@link org.jqsi.core.program.SourceIds}). An activity an earlier import made before activities said their origin
 * (of the target's edition, organised by its partner, with a made-up id) is adopted when the sheet still has it.
 * Activities of the source that the sheet no longer has are marked cancelled, their revision raised.
 *
 * <h2>Problems</h2>
 * Every problem names the row and column as the spreadsheet program shows them (the header is row 1), in French and
 * English: « ligne 4, colonne Début (B) : … », "row 4, column Début (B): …". A sheet with any error changes nothing;
 * every problem is listed at once, those that jqsi-core's validator finds in the merged program included, placed at
 * the row and column they come from.
 *
 * <p>Thread-safe; usable with a plain constructor or from {@link JqsiSheetsModule}.
 */
public final class SheetImporter {

    /** The largest sheet read, in bytes. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    /** The most rows a sheet may have, its header included. */
    public static final int MAX_ROWS = 20_000;

    private final ProgramValidator validator;
    private final Clock clock;

    /**
     * @param validator checks the program the sheet is merged into
     * @param clock the time of changes: the last-modified of added, moved, cancelled activities
     */
    public SheetImporter(ProgramValidator validator, Clock clock) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Imports a sheet file; problems are placed at the file's name as given.
     *
     * @throws IOException when the file cannot be read
     */
    public SheetImport importSheet(Path file, SheetTarget target, ProgramData program) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return importSheet(in, file.toString(), target, program);
        }
    }

    /**
     * Imports a sheet read from a stream (not closed).
     *
     * @param name what the problems are placed at: the file or address the user knows
     * @throws IOException when it cannot be read
     */
    public SheetImport importSheet(InputStream in, String name, SheetTarget target, ProgramData program)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > MAX_BYTES) {
                return SheetRun.tooLarge(name, program, MAX_BYTES);
            }
            bytes.write(buffer, 0, n);
        }
        return importSheet(bytes.toByteArray(), name, target, program);
    }

    /**
     * Imports a sheet's content: an XLSX workbook or a CSV file, told by its bytes.
     *
     * @param name what the problems are placed at: the file or address the user knows
     */
    public SheetImport importSheet(byte[] content, String name, SheetTarget target, ProgramData program) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(program, "program");
        if (content.length > MAX_BYTES) {
            return SheetRun.tooLarge(name, program, MAX_BYTES);
        }
        return new SheetRun(validator, clock, MAX_ROWS).run(content, Objects.requireNonNull(name, "name"), target,
                program);
    }
}
