package org.jqsi.server.internal.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.submission.ApprovalRefusedException;
import org.jqsi.core.submission.Publishing;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.core.submission.SubmissionConflictException;
import org.jqsi.core.submission.SubmissionEvent;
import org.jqsi.core.submission.SubmissionFilter;
import org.jqsi.core.submission.SubmissionState;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.jdbc.Database;
import org.jqsi.server.internal.ServerMessages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jqsi submissions}: the proposed activities, listed, shown, approved, sent back for changes or refused from
 * the command line, on the embedded database ({@code --data}) or PostgreSQL ({@code --database}), while servers run on
 * it: a server publishes what is approved here within seconds. Every action goes into the submission's history under
 * {@code --as} (by default {@code cli:USER}). Exit status: 0 done, 1 not done (no such submission, someone acted first,
 * not allowed in its state, the program would not accept it, the database cannot be reached), 2 bad usage.
 */
@Command(name = "submissions", mixinStandardHelpOptions = true,
        description = "Lists and reviews proposed activities: list, show, approve, request-changes, refuse.",
        subcommands = {SubmissionsCommand.ListSubmissions.class, SubmissionsCommand.Show.class,
            SubmissionsCommand.Approve.class, SubmissionsCommand.RequestChanges.class, SubmissionsCommand.Refuse.class,
            SubmissionsCommand.Backup.class})
final class SubmissionsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                ServerMessages.message(LanguageOption.of(spec.commandLine(), Language.FR),
                        "submissions.missing-subcommand"));
    }

    /** What every subcommand shares: the submissions, and how to say them. */
    abstract static class Base extends DatabaseCommand {

        /** Does the command on the database: most work on its submissions. */
        @Override
        int run(Database db) throws Exception {
            try {
                return run(db.submissions());
            } catch (SubmissionConflictException e) {
                return notDone(e.text().in(language()));
            }
        }

        int run(SubmissionStore store) throws Exception {
            throw new UnsupportedOperationException(spec.qualifiedName());
        }

        /** The submission of an id, read to act on it. */
        Submission find(SubmissionStore store, String id) throws SubmissionConflictException {
            return store.find(id).orElseThrow(() -> SubmissionConflictException.notFound(id));
        }

        String when(java.time.Instant at) {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Region.EASTERN).format(at);
        }

        String state(SubmissionState state) {
            return state.displayName().in(language());
        }
    }

    /** An action by a reviewer, with who does it. */
    abstract static class Review extends Base {

        @Parameters(index = "0", paramLabel = "ID", description = "The submission (s-…), as list shows it.")
        String id;

        @Option(names = "--as", paramLabel = "NAME",
                description = "Who acts, for the history (default: cli:USER, the user running the command).")
        String actor;

        String actor() {
            return actor != null && !actor.isBlank() ? actor : "cli:" + System.getProperty("user.name", "?");
        }

        /** Says what was done. */
        int done(Submission submission) {
            out().println(ServerMessages.message(language(), "submissions.done", submission.id(),
                    state(submission.state())));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the submissions, newest first: id, state, region, date, organisation, title.")
    static final class ListSubmissions extends Base {

        @Option(names = "--state", paramLabel = "STATE", split = ",",
                description = "Only these states: pending, changes-requested, approved, refused, withdrawn.")
        List<String> states = List.of();

        @Option(names = "--region", paramLabel = "CODE", split = ",",
                description = "Only these regions, by their two-digit code: 04 for the Mauricie.")
        List<String> regions = List.of();

        @Option(names = "--limit", defaultValue = "500", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        int run(SubmissionStore store) throws OptionProblem {
            Set<SubmissionState> wanted = EnumSet.noneOf(SubmissionState.class);
            for (String code : states) {
                wanted.add(SubmissionState.ofCode(code.strip()).orElseThrow(() -> new OptionProblem("--state",
                        ServerMessages.text("submissions.expected-state"))));
            }
            Set<Region> inRegions = EnumSet.noneOf(Region.class);
            for (String code : regions) {
                inRegions.add(Region.parse(code.strip()).orElseThrow(() -> new OptionProblem("--region",
                        ServerMessages.text("submissions.expected-region"))));
            }
            if (limit < 1) {
                throw new OptionProblem("--limit", ServerMessages.text("submissions.expected-limit"));
            }
            SubmissionFilter filter = new SubmissionFilter(wanted, inRegions, inRegions.isEmpty(), limit);
            List<Submission> found = store.list(filter);
            for (Submission s : found) {
                out().println(String.join("  ", s.id(), state(s.state()),
                        s.region() == null ? "--" : s.region().code(), when(s.submittedAt()),
                        TerminalText.field(s.submitter().organisation()),
                        TerminalText.field(s.activity().title().in(language()))));
            }
            if (found.isEmpty()) {
                spec.commandLine().getErr().println(ServerMessages.message(language(), "submissions.none"));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows a submission: who proposed what, its state, the reviewer's note and its history.")
    static final class Show extends Base {

        @Parameters(index = "0", paramLabel = "ID", description = "The submission (s-…), as list shows it.")
        String id;

        @Override
        int run(SubmissionStore store) throws SubmissionConflictException {
            Submission s = find(store, id);
            Language language = language();
            PrintWriter out = out();
            out.println(ServerMessages.message(language, "submissions.show.head", s.id(), state(s.state())));
            out.println(ServerMessages.message(language, "submissions.show.kind." + s.kind().code(),
                    TerminalText.field(s.activity().id())));
            out.println(ServerMessages.message(language, "submissions.show.submitter",
                    TerminalText.field(s.submitter().organisation()), TerminalText.field(s.submitter().email())));
            out.println(ServerMessages.message(language, "submissions.show.activity",
                    TerminalText.field(s.activity().title().in(language)),
                    s.region() == null ? "--" : s.region().code(), TerminalText.field(s.activity().editionId())));
            // The note is shown alone on its line: a note of several lines keeps them (the output escapes the rest).
            s.reviewerNote().ifPresent(note -> out.println(ServerMessages.message(language,
                    "submissions.show.note", note)));
            out.println(ServerMessages.message(language, "submissions.show.history"));
            for (SubmissionEvent event : s.history()) {
                out.println("  " + String.join("  ", when(event.at()), TerminalText.field(event.actor()),
                        event.action().displayName().in(language), state(event.state()))
                        + (event.note() == null ? "" : "  « " + TerminalText.field(event.note()) + " »"));
            }
            return 0;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approves a pending submission and publishes its activity, if the program accepts it.")
    static final class Approve extends Review {

        @Option(names = "--program", paramLabel = "FILE|URL",
                description = "The program file the servers serve, which the activity must fit (an id it does not "
                        + "have, partners and edition it has); the bundled sample program when absent.")
        String program;

        @Option(names = "--note", paramLabel = "TEXT", description = "A note for the history (optional).")
        String note;

        @Mixin
        AddressOption addresses = new AddressOption();

        @Mixin
        SourcesOption sources = new SourcesOption();

        private final ProgramTools tools;

        Approve(ProgramTools tools) {
            this.tools = tools;
        }

        @Override
        int run(SubmissionStore store) throws SubmissionConflictException {
            ProgramData base;
            try {
                base = sources.withLastCopies(ProgramLocation.open(program, tools.reader(), addresses.policy()).read(),
                        tools, language());
            } catch (ProgramLoadException e) {
                notDone(ServerMessages.message(language(), "submissions.program-unreadable", e.origin()));
                spec.commandLine().getErr().println(e.report().format(language()));
                return 1;
            }
            Submission s = find(store, id);
            try {
                return done(store.approve(s.id(), s.version(), actor(), note, Clock.systemUTC().instant(),
                        Publishing.checkAgainst(base, tools.validator())));
            } catch (ApprovalRefusedException e) {
                notDone(ServerMessages.message(language(), "submissions.not-approved", s.id()));
                spec.commandLine().getErr().println(e.report().format(language()));
                return 1;
            }
        }
    }

    /** request-changes and refuse: an action with a note. */
    abstract static class WithNote extends Review {

        @Option(names = "--note", required = true, paramLabel = "TEXT",
                description = "What to change, or why it is refused: the submitter reads it on their status page.")
        String note;

        abstract SubmissionAction action();

        @Override
        int run(SubmissionStore store) throws SubmissionConflictException {
            Submission s = find(store, id);
            return done(store.act(s.id(), s.version(), action(), actor(), note, null, Clock.systemUTC().instant()));
        }
    }

    @Command(name = "request-changes", mixinStandardHelpOptions = true,
            description = "Sends a pending submission back to its submitter, with what to change.")
    static final class RequestChanges extends WithNote {
        @Override
        SubmissionAction action() {
            return SubmissionAction.REQUEST_CHANGES;
        }
    }

    @Command(name = "refuse", mixinStandardHelpOptions = true,
            description = "Refuses a submission that is pending or waiting for changes, with why.")
    static final class Refuse extends WithNote {
        @Override
        SubmissionAction action() {
            return SubmissionAction.REFUSE;
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Copies the embedded database, consistent, while servers use it, into a new zip file (mode "
                    + "0600: it holds the database's password). Restore by unzipping it into an empty directory "
                    + "given as --data. For PostgreSQL, use pg_dump.")
    static final class Backup extends Base {

        @Parameters(index = "0", paramLabel = "ZIP", description = "The file to write; it must not exist.")
        java.nio.file.Path zip;

        @Override
        int run(Database db) {
            db.backUpTo(zip);
            out().println(ServerMessages.message(language(), "submissions.backed-up", zip.toAbsolutePath(),
                    db.description().in(language())));
            return 0;
        }
    }
}
