package org.jqsi.server.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Ids;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.FollowedSource;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.Failures;
import org.jqsi.core.validation.Problem;
import org.jqsi.fetch.BoundedDownload;
import org.jqsi.fetch.FetchException;
import org.jqsi.files.LockedFile;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.json.ProgramFileStyle;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.internal.ServerMessages;
import org.jqsi.sheets.SheetFormat;
import org.jqsi.sheets.SheetImport;
import org.jqsi.sheets.SheetImporter;
import org.jqsi.sheets.SheetTarget;
import org.jqsi.sheets.SheetTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jqsi import-sheet}: merges an organiser's spreadsheet (CSV or XLSX) into a program file, one activity a row,
 * or writes the template to fill ({@code --template fr|en --output FILE}).
 */
@Command(name = "import-sheet", mixinStandardHelpOptions = true,
        description = "Merges an organiser's spreadsheet (a CSV or XLSX file, or an http(s) URL), one activity a row, "
                + "into a program file, matching rows by their Identifiant/Id column or by an id made from their "
                + "title and start: a second run changes nothing. The sheet is imported whole or not at all: every "
                + "problem is listed with its row and column (a cell that cannot be read, a header that is not a "
                + "column, a result that would not be valid) and nothing is written. The program file is locked from "
                + "its reading to its writing, as import-ics does (see --lock-wait), and replaced in one step in the "
                + "layout it had, with its permissions, owner and symbolic link. Activities of the sheet's source "
                + "(--source) that it no longer has are marked cancelled; a row never changes another owner's "
                + "activity. With --template fr|en --output "
                + "FILE, writes the template to fill instead (CSV or XLSX, by FILE's extension). Exit status: 0 done; "
                + "1 refused, nothing written; 2 bad usage.")
final class ImportSheetCommand implements Callable<Integer> {

    /**
     * The sample program's activity that the template's example row shows: it has both titles and descriptions,
     * a start and an end, an online place and three partners in three roles.
     */
    static final String EXAMPLE = "soiree-courts-metrages-engages-2020";

    /** How long a sheet at a URL may take to arrive, whole. */
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = "--edition", paramLabel = "ID", description = "Edition the sheet's activities belong to.")
    String editionId;

    @Option(names = "--partner", paramLabel = "ID", description = "Partner whose sheet it is: the organizer of its "
            + "activities.")
    String partnerId;

    @Option(names = "--region", paramLabel = "CODE", description = "Region (code 04, or name) of the rows that name "
            + "none; without it, such rows have no region (province-wide online activities).")
    String region;

    @Option(names = "--source", paramLabel = "ID", description = "Id of this sheet as a source, which owns the "
            + "activities it brings: the import changes or cancels only those, and a row whose id is another "
            + "owner's comes under this id's name (default: the partner and the sheet's file name, cs3r-tableur for "
            + "cs3r and tableur.csv).")
    String source;

    @Mixin
    AddressOption addresses = new AddressOption();

    @Option(names = "--into", paramLabel = "FILE", description = "Program file to merge into.")
    Path into;

    @Mixin
    LockWaitOption lockWait = new LockWaitOption();

    @Option(names = "--template", paramLabel = "fr|en", description = "Write the template to fill, with its "
            + "headers in this language, to --output.")
    Language template;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where --template writes: a .csv or "
            + ".xlsx file.")
    Path output;

    @Mixin
    LanguageOption lang = new LanguageOption();

    @Parameters(index = "0", arity = "0..1", paramLabel = "SHEET",
            description = "The sheet: a .csv or .xlsx file, or an http(s) URL.")
    String sheet;

    private final ProgramTools tools;

    ImportSheetCommand(ProgramTools tools) {
        this.tools = tools;
    }

    @Override
    public Integer call() throws IOException {
        Language language = lang.language;
        try {
            return template != null ? writeTemplate(language) : importSheet(language);
        } catch (OptionProblem e) {
            return e.report(spec, language);
        }
    }

    private int importSheet(Language language) throws IOException, OptionProblem {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output != null) {
            throw new OptionProblem("--output", text("usage.output-without-template"));
        }
        if (sheet == null) {
            throw new OptionProblem("SHEET", text("usage.no-sheet"));
        }
        require(into, "--into", "usage.no-into");
        require(editionId, "--edition", "usage.no-edition");
        require(partnerId, "--partner", "usage.no-partner");
        Region defaultRegion = null;
        if (region != null) {
            defaultRegion = Region.parse(region).orElseThrow(() -> new OptionProblem("--region",
                    text("usage.region", region)));
        }
        String sourceId = source != null ? source : SourceNames.forFeed(partnerId, sheet);
        if (!sourceId.matches(Ids.SLUG) || sourceId.length() > FollowedSource.MAX_ID_LENGTH) {
            throw new OptionProblem("--source", text("usage.source", sourceId));
        }
        byte[] downloaded = null;
        if (isUrl(sheet)) {
            // Fetched before the program file is locked: the lock is held for the merge, not for the network.
            try {
                downloaded = download(URI.create(sheet));
            } catch (IOException | IllegalArgumentException e) {
                err.println(ServerMessages.said(language, spec.qualifiedName(), failure(e).in(language)));
                return 1;
            }
        }
        if (Files.notExists(into)) {
            // The reader says so in the run's language, before a lock file is made beside a mistyped name.
            try {
                tools.reader().read(into);
            } catch (ProgramLoadException e) {
                err.println(e.report().format(language));
                return 1;
            }
        }
        // From the reading of the program file to its writing (see import-ics): no other run's merge is lost.
        try (LockedFile locked = lockWait.lock(into, spec, language)) {
            return merge(locked, downloaded, defaultRegion, sourceId, language, out, err);
        }
    }

    /**
     * Reads the program file that {@code locked} holds, merges the sheet ({@code downloaded}, or the file
     * {@link #sheet}) into it and, when the sheet is accepted and changes something, replaces it in the style it had.
     */
    private int merge(LockedFile locked, byte[] downloaded, Region defaultRegion, String sourceId, Language language,
            PrintWriter out, PrintWriter err) throws IOException {
        ProgramData program;
        try {
            // Named as the user typed it, even when it is a symbolic link.
            program = tools.reader().read(() -> Files.newInputStream(locked.path()), into.toString());
        } catch (ProgramLoadException e) {
            err.println(e.report().format(language));
            return 1;
        }
        Edition edition = program.editions().stream().filter(e -> e.id().equals(editionId)).findFirst().orElse(null);
        if (edition == null || program.partners().stream().noneMatch(p -> p.id().equals(partnerId))) {
            err.println(ServerMessages.said(language, spec.qualifiedName(),
                    text("program.no-edition-or-partner", into, editionId, partnerId).in(language)));
            return 1;
        }
        SheetImporter importer = new SheetImporter(tools.validator(), Clock.systemUTC());
        SheetTarget target = SheetTarget.of(edition, partnerId, defaultRegion).withSource(sourceId);
        SheetImport result;
        try {
            result = downloaded != null ? importer.importSheet(downloaded, sheet, target, program)
                    : importer.importSheet(Path.of(sheet), target, program);
        } catch (IOException | IllegalArgumentException e) {
            // No such file, no permission: said in words, not as a type.
            err.println(ServerMessages.said(language, spec.qualifiedName(), failure(e).in(language)));
            return 1;
        }
        if (!result.accepted()) {
            result.problems().forEach(p -> err.println(p.format(language)));
            err.println(text("import.refused", into).in(language));
            return 1;
        }
        report(out, result, language);
        if (result.changedAnything()) {
            ProgramWriter writer = ProgramWriter.inStyle(ProgramFileStyle.of(locked.path()));
            locked.replace(stream -> writer.write(result.program(), stream));
        }
        return 0;
    }

    private int writeTemplate(Language language) throws IOException, OptionProblem {
        if (sheet != null || into != null) {
            throw new OptionProblem("--template", text("usage.template-alone"));
        }
        require(output, "--output", "usage.no-output");
        SheetFormat format = SheetFormat.ofName(output).orElseThrow(() -> new OptionProblem("--output",
                text("usage.output-extension", output)));
        ProgramData sample;
        try {
            sample = ProgramFileSource.sample(tools.reader()).read();
        } catch (ProgramLoadException e) {
            throw new IllegalStateException("the bundled sample program is invalid: " + e.getMessage(), e);
        }
        Activity example = sample.activities().stream().filter(a -> a.id().equals(EXAMPLE)).findFirst()
                .orElse(sample.activities().get(0));
        SheetTemplate templates = new SheetTemplate();
        try (LockedFile locked = lockWait.lock(output, spec, language)) {
            locked.replace(stream -> templates.write(format, template, example, stream));
        }
        spec.commandLine().getOut().println(text("template.written", output,
                Integer.toString(templates.headers(template).size())).in(language));
        return 0;
    }

    private static void require(Object value, String option, String key) throws OptionProblem {
        if (value == null) {
            throw new OptionProblem(option, text(key));
        }
    }

    /**
     * What went wrong reading the sheet, in words: a failed download says its address and why (jqsi-fetch's
     * {@link FetchException}); anything else is said by {@link Failures}, never as a type.
     */
    private static LocalizedText failure(Exception e) {
        return e instanceof FetchException fetch ? fetch.describe() : Failures.describe(e);
    }

    private static boolean isUrl(String text) {
        return text.startsWith("http://") || text.startsWith("https://");
    }

    private byte[] download(URI url) throws IOException {
        return new BoundedDownload(text("download.what"), DOWNLOAD_TIMEOUT,
                SheetImporter.MAX_BYTES, addresses.policy())
                .get(url, "text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, */*;q=0.5")
                .body();
    }

    private void report(PrintWriter out, SheetImport result, Language language) {
        out.println(text("import.summary", Integer.toString(result.added().size()),
                Integer.toString(result.changed().size()), Integer.toString(result.unchanged().size()),
                Integer.toString(result.cancelled().size())).in(language));
        result.added().forEach(a -> out.println("  + " + a.id() + row(result, a, language)));
        result.changed().forEach(a -> out.println("  ~ " + a.id() + row(result, a, language)));
        result.cancelled().forEach(a -> out.println("  x " + a.id() + " " + text("import.cancelled").in(language)));
        for (Problem warning : result.warnings()) {
            out.println("  ! " + warning.format(language));
        }
    }

    private static String row(SheetImport result, Activity activity, Language language) {
        Integer row = result.rows().get(activity.id());
        return row == null ? "" : " " + text("import.row", Integer.toString(row)).in(language);
    }

    /** A text of this command in French and English, from its bundle. */
    static LocalizedText text(String key, Object... args) {
        return LocalizedText.of(format(Language.FR, key, args), format(Language.EN, key, args));
    }

    private static String format(Language language, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.jqsi.server.internal.cli.ImportSheetMessages",
                language.locale(), ImportSheetCommand.class.getModule());
        return new MessageFormat(bundle.getString(key), language.locale()).format(args);
    }
}
