package org.jqsi.sheets.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.core.validation.Severity;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.sheets.SheetImport;
import org.jqsi.sheets.SheetTarget;

/**
 * One import of a sheet: its cells read ({@link CsvSheet}, {@link XlsxSheet}), its headers ({@link Headers}), each
 * row on its own ({@link RowReader}), the rows merged into the program ({@link SheetMerge}), and the whole program
 * validated, its problems placed back in the sheet ({@link ValidationPlaces}). Every problem of every step is
 * collected before the answer, so that the organiser sees them all at once.
 */
public final class SheetRun {

    private final ProgramValidator validator;
    private final Clock clock;
    private final int maxRows;

    /**
     * @param validator what checks the merged program
     * @param clock the time of changes (last-modified)
     * @param maxRows the most rows a sheet may have, header included
     */
    public SheetRun(ProgramValidator validator, Clock clock, int maxRows) {
        this.validator = validator;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    /** Imports a sheet's bytes (XLSX or CSV, told by their content). */
    public SheetImport run(byte[] content, String name, SheetTarget target, ProgramData program) {
        SheetProblems problems = new SheetProblems(name);
        RawSheet sheet = cells(content, problems);
        if (sheet == null) {
            return refused(program, problems);
        }
        if (sheet.rows().isEmpty()) {
            problems.error(SheetPlace.FILE, "sheet.empty");
            return refused(program, problems);
        }
        Headers headers = Headers.of(sheet, problems);
        RowReader reader = new RowReader(headers, target, new PartnerNames(program.partners()), problems);
        SheetMerge merge = new SheetMerge(program.activities(), target, SheetMerge.Coverage.of(headers, target), clock);
        Map<String, Integer> rows = new HashMap<>();
        boolean everyRowRead = true;
        for (RawSheet.Row row : sheet.rows().subList(1, sheet.rows().size())) {
            Optional<RowReader.SheetRow> read = reader.read(row);
            if (read.isEmpty()) {
                everyRowRead = false;
                continue;
            }
            Activity activity = read.get().activity();
            Integer before = rows.putIfAbsent(activity.id(), row.number());
            if (before != null) {
                everyRowRead = false;
                Column column = read.get().derivedId() ? Column.TITLE_FR : Column.ID;
                problems.error(headers.place(row.number(), column), read.get().derivedId()
                        ? "row.same-title-and-start" : "row.same-id", activity.id(), Integer.toString(before));
                continue;
            }
            Activity other = merge.notOurs(activity);
            if (other != null) {
                everyRowRead = false;
                rows.remove(activity.id());
                problems.error(headers.has(Column.ID) ? headers.place(row.number(), Column.ID)
                        : SheetPlace.row(row.number()), "row.not-ours", activity.id(), other.editionId(),
                        String.join(", ", other.partnersIn(PartnerRole.ORGANIZER)),
                        target.edition().id(), target.partnerId());
                continue;
            }
            merge.merge(activity);
        }
        // A row that could not be read is not gone from the sheet: cancelling its activity would be wrong, and the
        // import is refused anyway.
        if (everyRowRead) {
            merge.cancelMissing();
        }
        List<Activity> activities = merge.activities();
        ProgramData merged = new ProgramData(program.editions(), program.partners(), activities);
        placeValidation(validator.validate(merged), activities, rows, headers, problems);
        if (problems.hasErrors()) {
            return refused(program, problems);
        }
        return new SheetImport(merged, merge.added(), merge.changed(), merge.unchanged(), merge.cancelled(),
                problems.all(), rows);
    }

    private RawSheet cells(byte[] content, SheetProblems problems) {
        if (XlsxSheet.isOldExcel(content)) {
            problems.error(SheetPlace.FILE, "sheet.xls");
            return null;
        }
        if (XlsxSheet.isXlsx(content)) {
            return XlsxSheet.read(content, maxRows, problems);
        }
        return CsvSheet.read(content, maxRows, problems);
    }

    /**
     * The validator's problems, placed in the sheet when they are about a row's activity: its errors all (an error
     * anywhere keeps the program from being served), its warnings about the sheet's activities only (the others
     * are the program file's business).
     */
    private static void placeValidation(ValidationReport report, List<Activity> activities, Map<String, Integer> rows,
            Headers headers, SheetProblems problems) {
        for (Problem problem : report.problems()) {
            int index = ValidationPlaces.activityIndex(problem.where());
            Integer row = index >= 0 && index < activities.size() ? rows.get(activities.get(index).id()) : null;
            if (row != null) {
                problems.add(problem.severity(), ValidationPlaces.place(problem.where(), row, headers),
                        problem.code(), problem.message());
            } else if (problem.severity() == Severity.ERROR) {
                problems.addElsewhere(problem);
            }
        }
    }

    /** A sheet refused because it is larger than what is read. */
    public static SheetImport tooLarge(String name, ProgramData program, int maxBytes) {
        SheetProblems problems = new SheetProblems(name);
        problems.error(SheetPlace.FILE, "sheet.too-large", Integer.toString(maxBytes / (1024 * 1024)));
        return refused(program, problems);
    }

    private static SheetImport refused(ProgramData program, SheetProblems problems) {
        return new SheetImport(program, List.of(), List.of(), List.of(), List.of(), problems.all(), Map.of());
    }
}
