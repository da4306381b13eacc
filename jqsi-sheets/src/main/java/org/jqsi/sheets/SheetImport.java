package org.jqsi.sheets;

import java.util.List;
import java.util.Map;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.Severity;

/**
 * What came of importing a spreadsheet into a program.
 *
 * <p>A sheet is imported whole or not at all: when any problem is an error (a cell that cannot be read, a header
 * that is not a column, two rows of one id, or an error of the merged program), {@link #program()} is the
 * program as it was and the lists of activities are empty.
 *
 * @param program the program after the import: its editions and partners, its activities (updated in place, cancelled
 *     ones kept), then the sheet's new ones in sheet order; the program given, when refused
 * @param added the activities the sheet brought that did not exist
 * @param changed the existing activities the sheet changed, as they are now
 * @param unchanged the existing activities the sheet had, identical
 * @param cancelled the activities of the sheet's source that it no longer has, now marked cancelled
 * @param problems every problem, in sheet order, each placed at the sheet's name with the row and column in its
 *     message in French and English (« ligne 4, colonne Début (B) : … »): errors, then the warnings (a row
 *     imported under the source's name because another owner has its id, those of the merged program about the
 *     sheet's activities)
 * @param rows the row each of the sheet's activities comes from (the header is row 1), by activity id
 */
public record SheetImport(ProgramData program, List<Activity> added, List<Activity> changed,
        List<Activity> unchanged, List<Activity> cancelled, List<Problem> problems, Map<String, Integer> rows) {

    public SheetImport {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
        cancelled = List.copyOf(cancelled);
        problems = List.copyOf(problems);
        rows = Map.copyOf(rows);
    }

    /** Whether the sheet was imported: no problem is an error. */
    public boolean accepted() {
        return problems.stream().noneMatch(p -> p.severity() == Severity.ERROR);
    }

    /** Whether the import changes the program (and so whether there is anything to write). */
    public boolean changedAnything() {
        return accepted() && (!added.isEmpty() || !changed.isEmpty() || !cancelled.isEmpty());
    }

    /** The errors: why the sheet was refused. */
    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    /** The warnings: what the merged program's validator says of the sheet's activities. */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }
}
