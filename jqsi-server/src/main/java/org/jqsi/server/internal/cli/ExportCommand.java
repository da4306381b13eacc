package org.jqsi.server.internal.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.submission.Publication;
import org.jqsi.core.submission.Publishing;
import org.jqsi.files.LockedFile;
import org.jqsi.ical.CalendarExporter;
import org.jqsi.ical.FeedOptions;
import org.jqsi.ical.IcalSettings;
import org.jqsi.json.EventJsonLd;
import org.jqsi.json.ProgramFileStyle;
import org.jqsi.jdbc.Database;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.internal.ServerMessages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jqsi export}: the activities of a program file that match filters, as iCalendar, JSON or JSON-LD. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the activities of a program file that match the filters as an iCalendar feed, a "
                + "program file (JSON) or schema.org JSON-LD, to standard output or --output. An --output file is "
                + "replaced in one step, under a lock (another jqsi writing it is waited for, see --lock-wait), "
                + "keeping its permissions, owner and symbolic link; a program file keeps its layout (compact stays "
                + "compact). Exit status: 0 done, 1 invalid program or output still locked after --lock-wait, 2 bad "
                + "usage.")
final class ExportCommand implements Callable<Integer> {

    enum Format { ICS, JSON, JSONLD }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, description = "ics, json or jsonld.")
    Format format;

    @Mixin
    LanguageOption lang = new LanguageOption();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write; standard output when "
            + "absent.")
    Path output;

    @Mixin
    LockWaitOption lockWait = new LockWaitOption();

    @Option(names = "--pages", paramLabel = "TEMPLATE", defaultValue = "http://localhost:8080/widget/activities/{id}",
            description = "Address of an activity's page, for JSON-LD, with {id} for its id (default: "
                    + "${DEFAULT-VALUE}).")
    String pages;

    @Mixin
    QueryOptions filters = new QueryOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = "The program file.")
    Path file;

    @Option(names = "--with-submissions", description = "Adds the activities that approved submissions publish, from "
            + "the database of --data or --database, as a server serves them: the program published, as one file.")
    boolean withSubmissions;

    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Mixin
    SourcesOption sources = new SourcesOption();

    private final ProgramTools tools;

    ExportCommand(ProgramTools tools) {
        this.tools = tools;
    }

    @Override
    public Integer call() throws IOException {
        Language language = lang.language;
        Program program;
        try {
            ProgramData data = sources.withLastCopies(tools.reader().read(file), tools, language);
            program = Program.of(withSubmissions ? withPublished(data, language) : data);
        } catch (ProgramLoadException e) {
            spec.commandLine().getErr().println(e.report().format(language));
            return 1;
        } catch (OptionProblem e) {
            return e.report(spec, language);
        }
        List<Activity> activities;
        EventJsonLd jsonLd;
        try {
            activities = program.matching(filters.toQuery(program, 0, ActivityQuery.MAX_LIMIT));
            jsonLd = pages(pages);
        } catch (OptionProblem e) {
            return e.report(spec, language);
        }
        if (output == null) {
            write(program, activities, jsonLd, language, ProgramWriter.forFiles(), System.out);
            System.out.flush();
            return 0;
        }
        try (LockedFile target = lockWait.lock(output, spec, language)) {
            // A program file written over another keeps its layout; a new one is indented.
            ProgramWriter json = ProgramWriter.inStyle(format == Format.JSON ? ProgramFileStyle.of(target.path())
                    : ProgramFileStyle.INDENTED);
            target.replace(out -> write(program, activities, jsonLd, language, json, out));
        }
        return 0;
    }

    /**
     * The program with what approvals publish after its own activities ({@link Publishing#compose}); those the program
     * does not accept are left out, each said on the error output.
     */
    private ProgramData withPublished(ProgramData data, Language language) throws OptionProblem {
        Publication publication;
        try (Database db = database.open(spec)) {
            publication = db.submissions().publication();
        }
        Publishing.Composition composition = Publishing.compose(data, publication.activities(), tools.validator());
        composition.leftOut().forEach((id, problems) -> spec.commandLine().getErr().println(ServerMessages.said(
                language, spec.qualifiedName(), ServerMessages.message(language, "submissions.left-out", id,
                        problems.stream().map(p -> p.format(language)).toList()))));
        return composition.program();
    }

    private static EventJsonLd pages(String template) throws OptionProblem {
        try {
            return EventJsonLd.withPagesAt(template);
        } catch (IllegalArgumentException e) {
            throw new OptionProblem("--pages", ServerMessages.text("export.pages", template));
        }
    }

    private void write(Program program, List<Activity> activities, EventJsonLd jsonLd, Language language,
            ProgramWriter json, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        switch (format) {
            case ICS -> new CalendarExporter(IcalSettings.defaults()).writeActivities(program, activities,
                    FeedOptions.in(language), writer);
            case JSON -> json.write(new ProgramData(program.editions(), program.partners(), activities), out);
            case JSONLD -> jsonLd.writeItemList(program, activities, language, writer);
        }
        writer.flush();
    }
}
