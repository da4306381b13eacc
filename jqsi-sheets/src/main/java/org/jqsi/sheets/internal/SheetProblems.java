package org.jqsi.sheets.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.Severity;

/**
 * The problems of one spreadsheet, each with its {@link SheetPlace}, collected so that they can all be listed at
 * once, in the order of the sheet.
 */
public final class SheetProblems {

    private record Found(SheetPlace place, Problem problem) {
    }

    private final String source;
    private final List<Found> found = new ArrayList<>();

    /** @param source the sheet's name as the user knows it (the file or address given), the place of every problem */
    public SheetProblems(String source) {
        this.source = source;
    }

    void error(SheetPlace place, String code, Object... args) {
        add(Severity.ERROR, place, code, SheetMessages.text(code, args));
    }

    void warning(SheetPlace place, String code, Object... args) {
        add(Severity.WARNING, place, code, SheetMessages.text(code, args));
    }

    /**
     * The one place where a spreadsheet place becomes a {@link Problem}: the problem is placed at the sheet (its file
     * or address), and its message starts with the row and column (« ligne 4, colonne Début (B) : … »), in each
     * language. When jqsi-core's Problem has a place of its own for spreadsheets, this is what changes.
     */
    void add(Severity severity, SheetPlace place, String code, LocalizedText detail) {
        LocalizedText where = place.describe();
        LocalizedText message = where == null ? detail : LocalizedText.of(
                where.fr() + " : " + detail.fr(), where.in(Language.EN) + ": " + detail.in(Language.EN));
        found.add(new Found(place, new Problem(severity, source, code, message)));
    }

    /**
     * A problem of the program that is not about the sheet (an error of an activity of the program file that the
     * import has to check too), as it is, after the sheet's own.
     */
    void addElsewhere(Problem problem) {
        found.add(new Found(new SheetPlace(Integer.MAX_VALUE, null, null, null), problem));
    }

    /** Whether any error was found. */
    public boolean hasErrors() {
        return found.stream().anyMatch(f -> f.problem().severity() == Severity.ERROR);
    }

    /** Every problem, by row (the file's own first), then column, in the order found. */
    public List<Problem> all() {
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt((Found f) -> f.place().row())
                .thenComparing(f -> f.place().letter() == null ? "" : f.place().letter(),
                        Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())));
        return sorted.stream().map(Found::problem).toList();
    }
}
