package org.jqsi.server.internal.sources;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.FollowedSource;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.sheets.SheetImport;
import org.jqsi.sheets.SheetImporter;
import org.jqsi.sheets.SheetTarget;

/**
 * A spreadsheet source (CSV or XLSX), read as {@code import-sheet} reads a sheet into a file ({@link SheetImporter}):
 * the same ownership rule, the same rows cancelled when they leave the sheet, the source's partner, edition, region
 * and language as the target's. A sheet is taken whole or not at all: one with any refused row is unreadable, its
 * every problem said with its row and column (« ligne 4, colonne Début (B) : … »), and the last good copy keeps
 * serving. The source's {@code activityKind} is the kind of the rows that say none.
 */
final class SheetSourceReader implements SourceReader {

    private final SheetImporter importer;

    SheetSourceReader(ProgramValidator validator, Clock clock) {
        this.importer = new SheetImporter(validator, clock);
    }

    @Override
    public Read read(byte[] bytes, FollowedSource source, Edition edition, ProgramData program) throws Unreadable {
        SheetTarget target = SheetTarget.of(edition, source.partnerId(), source.region())
                .withLanguage(source.language()).withSource(source.id());
        // Its warnings are placed at the sheet as the operator knows it: its address or file, then row and column.
        SheetImport result = importer.importSheet(bytes, source.location(), target, program);
        if (!result.accepted()) {
            throw new Unreadable(said(result.errors()));
        }
        List<Activity> own = result.program().activities().stream()
                .filter(activity -> activity.origin().isSource(source.id()))
                .map(activity -> source.activityKind() != null && activity.kind() == ActivityKind.OTHER
                        ? activity.toBuilder().kind(source.activityKind()).build() : activity)
                .toList();
        return new Read(own, result.warnings());
    }

    /** The sheet's errors, each with its row and column, in both languages. */
    private static LocalizedText said(List<Problem> errors) {
        return LocalizedText.of(
                errors.stream().map(p -> p.message(Language.FR)).collect(Collectors.joining(" ; ")),
                errors.stream().map(p -> p.message(Language.EN)).collect(Collectors.joining("; ")));
    }
}
