package org.jqsi.sheets.internal;

import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Origin;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.SourceIds;
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
        Headers headers = Headers.of(sheet, problems, target.textLanguage());
        RowReader reader = new RowReader(headers, target, new PartnerNames(program.partners()), problems);
        SheetMerge merge = new SheetMerge(program.activities(), target, SheetMerge.Coverage.of(headers, target), clock);
        SourceIds ids = new SourceIds(target.sourceId(), program.activities(),
                activity -> madeByEarlierImport(activity, target));
        Map<String, Integer> rows = new HashMap<>();
        Map<String, Integer> rowsByKey = new HashMap<>();
        boolean everyRowRead = true;
        for (RawSheet.Row row : sheet.rows().subList(1, sheet.rows().size())) {
            Optional<RowReader.SheetRow> read = reader.read(row);
            if (read.isEmpty()) {
                everyRowRead = false;
                continue;
            }
            // The row's key: its id as the sheet gives it, or the one made from its title and start.
            String key = read.get().activity().id();
            Column idColumn = read.get().derivedId() ? Column.TITLE_FR : Column.ID;
            SheetPlace idPlace = headers.has(idColumn) ? headers.place(row.number(), idColumn)
                    : SheetPlace.row(row.number());
            Integer before = rowsByKey.putIfAbsent(key, row.number());
            if (before != null) {
                everyRowRead = false;
                problems.error(idPlace, read.get().derivedId() ? "row.same-title-and-start" : "row.same-id", key,
                        Integer.toString(before));
                continue;
            }
            Activity activity = claimed(read.get().activity().toBuilder().origin(Origin.of(target.sourceId(), key))
                    .build(), ids, idPlace, problems);
            if (activity == null) {
                everyRowRead = false;
                continue;
            }
            Integer sameId = rows.putIfAbsent(activity.id(), row.number());
            if (sameId != null) {
                // Another row's id under the source's name (« x » and « cs3r-x »): one activity, two rows.
                everyRowRead = false;
                problems.error(idPlace, "row.same-id", activity.id(), Integer.toString(sameId));
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
        Set<Activity> asTheyWere = Collections.newSetFromMap(new IdentityHashMap<>());
        asTheyWere.addAll(program.activities());
        placeValidation(validator.validate(merged), activities, asTheyWere, rows, headers, problems);
        if (problems.hasErrors()) {
            return refused(program, problems);
        }
        return new SheetImport(merged, merge.added(), merge.changed(), merge.unchanged(), merge.cancelled(),
                problems.all(), rows);
    }

    /**
     * A row's activity under the id the ownership rule gives it ({@link SourceIds}): its own id, or that id under the
     * source's name when another owner has it, which is said as a warning; {@code null}, with an error, when it can
     * have neither. As {@code import-ics} does with a feed's events.
     */
    private static Activity claimed(Activity activity, SourceIds ids, SheetPlace place, SheetProblems problems) {
        SourceIds.Claim claim = ids.claim(activity.id());
        if (claim.refused()) {
            problems.add(Severity.ERROR, place, "row.id-taken-twice", ownerText("row.id-taken-twice", activity.id(),
                    claim.takenBy(), SourceIds.namespaced(activity.origin().source(), activity.id())));
            return null;
        }
        if (claim.renamed()) {
            problems.add(Severity.WARNING, place, "row.id-taken", ownerText("row.id-taken", activity.id(),
                    claim.takenBy(), claim.id()));
        }
        return claim.id().equals(activity.id()) ? activity : activity.toBuilder().id(claim.id()).build();
    }

    private static LocalizedText ownerText(String key, String id, Activity owner, String other) {
        return LocalizedText.of(
                SheetMessages.format(Language.FR, key, id, owner.origin().describeOwner(Language.FR), other),
                SheetMessages.format(Language.EN, key, id, owner.origin().describeOwner(Language.EN), other));
    }

    /**
     * Whether an activity of the program file came from an import of the partner's sheet made before activities said
     * their origin: of this edition, organised by this partner, with an id of the shape {@link SheetIds} makes. Such
     * an activity is adopted by the source when a row still has its id (it then says its origin); one the sheet no
     * longer has stays the file's, untouched, as any activity written by hand. The rule {@code import-ics} follows.
     */
    private static boolean madeByEarlierImport(Activity activity, SheetTarget target) {
        return activity.origin().isProgramFile()
                && activity.editionId().equals(target.edition().id())
                && activity.partnersIn(PartnerRole.ORGANIZER).contains(target.partnerId())
                && SheetIds.isDerived(activity.id());
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
     * are the program file's business). The problems of an activity the import left as it was (the same instance)
     * are not the sheet's: whoever gave the program checks it (a program file is validated as it is read, a server
     * validates the program it composes), and a sheet is not refused for another owner's fault.
     */
    private static void placeValidation(ValidationReport report, List<Activity> activities, Set<Activity> asTheyWere,
            Map<String, Integer> rows, Headers headers, SheetProblems problems) {
        for (Problem problem : report.problems()) {
            int index = ValidationPlaces.activityIndex(problem.where());
            Activity about = index >= 0 && index < activities.size() ? activities.get(index) : null;
            Integer row = about != null ? rows.get(about.id()) : null;
            if (row == null && about != null && asTheyWere.contains(about)) {
                continue;
            }
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
