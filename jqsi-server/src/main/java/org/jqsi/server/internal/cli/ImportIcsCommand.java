package org.jqsi.server.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Ids;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.Failures;
import org.jqsi.core.validation.Location;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.fetch.FetchException;
import org.jqsi.files.LockedFile;
import org.jqsi.ical.CalendarImporter;
import org.jqsi.ical.FeedFormatException;
import org.jqsi.ical.FeedTarget;
import org.jqsi.ical.IcalSettings;
import org.jqsi.ical.ImportResult;
import org.jqsi.json.ProgramFileStyle;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.internal.ServerMessages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jqsi import-ics}: merges a partner's iCalendar feed into a program file, event by event, by UID. */
@Command(name = "import-ics", mixinStandardHelpOptions = true,
        description = "Merges a partner's iCalendar feed (file or http(s) URL) into a program file, matching events "
                + "by UID: a second run changes nothing. The file is rewritten only when something changed and the "
                + "result is valid, in the layout it had (compact stays compact), replaced in one step with its "
                + "permissions, owner and symbolic link kept. The file is locked from its reading to its writing: a "
                + "second jqsi writing it waits (--lock-wait), then merges into what the first wrote. Events that "
                + "left the feed are marked cancelled. Exit status: 0 done; 1 refused, nothing written (a broken "
                + "feed, a result that would not be valid, a file still locked after --lock-wait); 2 bad usage; 3 "
                + "done, but some events could not be read and were left out (each is listed with its UID and "
                + "line).")
final class ImportIcsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--edition", required = true, paramLabel = "ID", description = "Edition the feed belongs to.")
    String editionId;

    @Option(names = "--partner", required = true, paramLabel = "ID", description = "Partner that publishes the feed.")
    String partnerId;

    @Option(names = "--region", required = true, paramLabel = "CODE", description = "Region code (04) or name.")
    String region;

    @Option(names = "--into", required = true, paramLabel = "FILE", description = "Program file to merge into.")
    Path into;

    @Option(names = "--source", paramLabel = "ID", description = "Id of this feed as a source, which owns the "
            + "activities it brings: the import changes or cancels only those (default: the partner and the feed's "
            + "file name, cs3r-agenda for cs3r and agenda.ics).")
    String source;

    @Option(names = "--lang", defaultValue = "fr", description = "Language of the messages: fr or en (default: "
            + "${DEFAULT-VALUE}).")
    Language language;

    @Mixin
    LockWaitOption lockWait = new LockWaitOption();

    @Parameters(index = "0", paramLabel = "FEED", description = "The partner's feed: a .ics file or an http(s) URL.")
    String feed;

    @Mixin
    AddressOption addresses = new AddressOption();

    private final ProgramTools tools;

    ImportIcsCommand(ProgramTools tools) {
        this.tools = tools;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Region feedRegion = Region.parse(region).orElse(null);
        if (feedRegion == null) {
            err.println(ServerMessages.said(language, NAME, ServerMessages.said(language, "--region",
                    ServerMessages.message(language, "import.not-a-region", region))));
            return 2;
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
        // From the reading of the file to its writing: another run's merge is either all before this one's reading
        // or all after its writing, never lost in between.
        try (LockedFile target = lockWait.lock(into, spec, language)) {
            return readAndMerge(target, feedRegion, out, err);
        }
    }

    /**
     * Reads the program file that {@code target} holds (the real file behind {@code --into}), merges the feed into it
     * and, when something changed and the result is valid, replaces it in the style it had.
     */
    private int readAndMerge(LockedFile target, Region feedRegion, PrintWriter out, PrintWriter err)
            throws IOException {
        ProgramValidator validator = tools.validator();
        ProgramData program;
        try {
            // Named as the user typed it, even when it is a symbolic link.
            program = tools.reader().read(() -> Files.newInputStream(target.path()), into.toString());
        } catch (ProgramLoadException e) {
            err.println(e.report().format(language));
            return 1;
        }
        Edition edition = program.editions().stream().filter(e -> e.id().equals(editionId)).findFirst().orElse(null);
        if (edition == null || program.partners().stream().noneMatch(p -> p.id().equals(partnerId))) {
            err.println(ServerMessages.said(language, NAME,
                    ServerMessages.message(language, "import.no-edition-or-partner", into, editionId, partnerId)));
            return 1;
        }
        String sourceId = source != null ? source : SourceNames.forFeed(partnerId, feed);
        if (!sourceId.matches(Ids.SLUG) || sourceId.length() > Ids.MAX_LENGTH) {
            err.println("jqsi import-ics" + (language == Language.FR
                    ? " : --source : « " + sourceId + " » n'est pas un id (lettres minuscules, chiffres et tirets)"
                    : ": --source: \"" + sourceId + "\" is not an id (lower-case letters, digits and hyphens)"));
            return 2;
        }
        ImportResult result;
        try {
            result = importFeed(FeedTarget.of(edition, partnerId, feedRegion).withSource(sourceId), program);
        } catch (FeedFormatException e) {
            err.println(feed + ":" + e.line() + ": " + e.reason(language));
            return 1;
        } catch (FetchException e) {
            // The address and why: unreachable, an HTTP status, too large, an address or a redirect refused.
            err.println(ServerMessages.said(language, NAME, e.describe().in(language)));
            return 1;
        } catch (IOException e) {
            // No such file, no permission: said in words (Failures), not as a type.
            err.println(ServerMessages.said(language, NAME, Failures.describe(e).in(language)));
            return 1;
        }
        report(out, result);
        int done = result.skipped() > 0 ? SKIPPED : 0;
        if (!result.changedAnything()) {
            return done;
        }
        ProgramData merged = new ProgramData(program.editions(), program.partners(), result.activities());
        ValidationReport check = validator.validate(merged);
        if (check.hasErrors()) {
            for (Problem problem : check.errors()) {
                err.println(inFeed(inFeedTerms(problem, merged, result)));
            }
            return 1;
        }
        ProgramWriter writer = ProgramWriter.inStyle(ProgramFileStyle.of(target.path()));
        target.replace(output -> writer.write(merged, output));
        return done;
    }

    /** The exit status of an import that was written, but left out events it could not read. */
    static final int SKIPPED = 3;

    private static final String NAME = "jqsi import-ics";

    /**
     * A problem of the merged program, placed in the feed when it is about an activity the feed brought: {@code UID x
     * (line 12): title.fr} rather than {@code activities[7].title.fr}, which the organiser cannot find anywhere.
     */
    private static Problem inFeedTerms(Problem problem, ProgramData merged, ImportResult result) {
        if (!(problem.location() instanceof Location.ProgramPath path)) {
            return problem;
        }
        Matcher at = ACTIVITY_PATH.matcher(path.path());
        if (at.lookingAt()) {
            int index = Integer.parseInt(at.group(1));
            if (index < merged.activities().size()) {
                Location.CalendarEvent origin = result.origins().get(merged.activities().get(index).id());
                if (origin != null) {
                    String rest = path.path().substring(at.end());
                    return problem.at(origin.withPath(rest.isEmpty() ? "" : rest.substring(1)));
                }
            }
        }
        return problem;
    }

    /**
     * A problem as a compiler gives one, in either language: {@code cs3r.ics:14 (UID x@y): warning: message}. The
     * feed's line is the place; the UID says which event, since a line alone is hard to find in a long feed.
     */
    private String inFeed(Problem problem) {
        return problem.location() instanceof Location.CalendarEvent event
                ? problem.at(event.inFeed(feed)).format(language) : problem.format(language);
    }

    private static final Pattern ACTIVITY_PATH = Pattern.compile("activities\\[(\\d+)\\]");

    private ImportResult importFeed(FeedTarget target, ProgramData program) throws IOException {
        CalendarImporter importer = new CalendarImporter(IcalSettings.defaults(), Clock.systemUTC(),
                addresses.policy());
        if (feed.startsWith("http://") || feed.startsWith("https://")) {
            return importer.importFeed(URI.create(feed), target, program.activities());
        }
        return importer.importFeed(Path.of(feed), target, program.activities());
    }

    private void report(PrintWriter out, ImportResult result) {
        out.println(ServerMessages.message(language, "import.summary", result.added().size(),
                result.changed().size(), result.unchanged().size(), result.skipped(), result.outsideEdition(),
                result.cancelled().size()));
        result.added().forEach(a -> out.println("  + " + a.id()));
        result.changed().forEach(a -> out.println("  ~ " + a.id()));
        result.cancelled().forEach(a -> out.println("  x " + ServerMessages.message(language, "import.cancelled",
                a.id())));
        result.problems().forEach(p -> out.println("  ! " + inFeed(p)));
    }
}
