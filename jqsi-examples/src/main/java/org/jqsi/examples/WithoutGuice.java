package org.jqsi.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.program.QueryResult;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.ical.CalendarExporter;
import org.jqsi.ical.FeedOptions;
import org.jqsi.ical.IcalSettings;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.json.ProgramReader;
import org.jqsi.sheets.SheetImport;
import org.jqsi.sheets.SheetImporter;
import org.jqsi.sheets.SheetTarget;
import org.jqsi.web.JqsiWidgetServlet;
import org.jqsi.web.WidgetSettings;

/**
 * jqsi wired by hand, step by step as the READMEs show it: each method is one snippet, with the same calls. Nothing
 * here or in the modules it uses needs Guice: {@code WithoutGuiceTest} runs it on a module path that has no Guice,
 * jakarta.inject or Guava.
 */
public final class WithoutGuice {

    private WithoutGuice() {
    }

    /**
     * README.md, "Loading a program file without a source takes three lines": a program file read (and checked:
     * every problem at once), indexed, and queried for the activities of the Mauricie.
     *
     * @throws ProgramLoadException when the file cannot be read or the program has errors, with every problem
     */
    public static QueryResult mauricie(Path file) throws ProgramLoadException {
        ProgramData data = new ProgramReader().read(file);
        Program program = Program.of(data);
        return program.query(ActivityQuery.builder().region(Region.MAURICIE).build());
    }

    /** jqsi-core/README.md, "Without Guice": a program's content, from wherever it is kept, checked. */
    public static ValidationReport check(ProgramData data) {
        return new ProgramValidator().validate(data);
    }

    /**
     * README.md, "Without Guice, the same parts by hand": the program of a source, served and reloadable.
     *
     * @throws ProgramLoadException when there is nothing valid to serve
     */
    public static CurrentProgram serve(ProgramSource source, Clock clock) throws ProgramLoadException {
        return CurrentProgram.load(source, new ProgramValidator(), clock);
    }

    /** jqsi-ical: the iCalendar feed of the activities a query finds, in French. */
    public static String feed(Program program, ActivityQuery query) {
        return new CalendarExporter(IcalSettings.defaults()).feed(program, query, FeedOptions.in(Language.FR));
    }

    /**
     * jqsi-sheets/README.md, "Import a sheet": an organiser's CSV or XLSX sheet, its rows merged into a program and
     * checked; {@link SheetImport#accepted()} says whether the merged program can be written.
     */
    public static SheetImport importSheet(byte[] sheet, String name, SheetTarget target, ProgramData program) {
        SheetImporter importer = new SheetImporter(new ProgramValidator(), Clock.systemUTC());
        return importer.importSheet(sheet, name, target, program);
    }

    /** jqsi-web-embed/README.md, "Without Guice": the widget, a servlet for any Servlet 6 container. */
    public static JqsiWidgetServlet widget(CurrentProgram program, Clock clock) {
        return new JqsiWidgetServlet(program, WidgetSettings.defaults(), clock);
    }

    /**
     * Prints the id and title of each activity of the Mauricie in a program file, or in the bundled sample when no
     * file is given; the titles in French when the default locale is French, else in English. Exits with 1 and
     * every problem when the program cannot be loaded.
     */
    public static void main(String[] args) {
        Language language = Language.of(Locale.getDefault()).orElse(Language.EN);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            QueryResult found = args.length == 0
                    ? serve(ProgramFileSource.sample(), Clock.systemUTC()).get()
                            .query(ActivityQuery.builder().region(Region.MAURICIE).build())
                    : mauricie(Path.of(args[0]));
            for (Activity activity : found.items()) {
                out.println(activity.id() + "\t" + activity.title().in(language));
            }
        } catch (ProgramLoadException e) {
            new PrintStream(System.err, true, StandardCharsets.UTF_8).println(e.report().format(language));
            System.exit(1);
        }
    }
}
