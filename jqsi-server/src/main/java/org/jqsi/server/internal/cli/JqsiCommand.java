package org.jqsi.server.internal.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.validation.Failures;
import org.jqsi.files.FileBusyException;
import org.jqsi.jdbc.DatabaseException;
import org.jqsi.server.internal.ServerMessages;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jqsi} command and its subcommands. */
@Command(name = "jqsi", mixinStandardHelpOptions = true, versionProvider = JqsiCommand.Version.class,
        description = "Publishes the program of the Journées québécoises de la solidarité internationale.")
public final class JqsiCommand implements Runnable {

    /** The subcommands, in the order the help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ServeCommand.class, ValidateCommand.class,
            ExportCommand.class, ImportIcsCommand.class, ImportSheetCommand.class, SubmissionsCommand.class,
            AccountsCommand.class, CommandLine.HelpCommand.class);

    /** What {@code serve} returns once the server has stopped: the JVM is ending, and must not be exited again. */
    public static final int SERVER_STOPPED = -1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The language of the run when a command does not say otherwise: the user's locale. */
    private final Language language;
    /** The environment of the run: where the database options find what the command line must not hold. */
    private final Map<String, String> environment;
    /** The standard input of the run: where {@code accounts add --password-stdin} reads the password. */
    private final InputStream in;

    private JqsiCommand(Language language, Map<String, String> environment, InputStream in) {
        this.language = language;
        this.environment = Map.copyOf(environment);
        this.in = in;
    }

    /** The environment the command line runs with ({@link #run(String[], PrintStream, PrintStream, Map)}). */
    static Map<String, String> environmentOf(CommandLine.Model.CommandSpec command) {
        return command.root().userObject() instanceof JqsiCommand jqsi ? jqsi.environment : System.getenv();
    }

    /**
     * The standard input the command line runs with ({@link #run(String[], InputStream, PrintStream, PrintStream,
     * Map)}).
     */
    static InputStream inputOf(CommandLine.Model.CommandSpec command) {
        return command.root().userObject() instanceof JqsiCommand jqsi ? jqsi.in : System.in;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                ServerMessages.message(language, "cli.missing-subcommand"));
    }

    /** Runs the command line and returns its exit status: 0 done, 1 invalid input, 2 bad usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    /**
     * Runs the command line with the given environment, whose locale ({@code LC_ALL}, {@code LC_MESSAGES},
     * {@code LANG}) is the language of every command that is not given {@code --lang}.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        return run(args, System.in, out, err, environment);
    }

    /** Runs the command line with the given standard input and environment. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
            Map<String, String> environment) {
        Language language = LanguageOption.fromEnvironment(environment);
        // Logging is set up here, before the validator's thread starts: Hibernate Validator logs from that thread as
        // it starts while this one may log too (the database's pool), and SLF4J, asked by two threads at once while
        // it sets itself up, printed "A number (41) of logging calls during the initialization phase have been
        // intercepted and are now being replayed" on the command's standard error, in about one run in 30.
        LoggerFactory.getILoggerFactory();
        Commands factory = new Commands(ProgramTools.setUpInBackground());
        CommandLine commandLine = new CommandLine(new JqsiCommand(language, environment, in), factory);
        // picocli builds the model of every subcommand it is given, by reflection over its options and mixins, with
        // classes of its own that class data sharing cannot keep (they are Java 5's): that was a third of the main
        // thread's work before `serve` listened. A run whose first argument names a subcommand gets that one alone;
        // any other (no argument, an option, help, a misspelt name) gets them all, for its usage and suggestions.
        for (Class<?> subcommand : subcommandsFor(args)) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                // Whatever a command prints, no control character reaches the terminal raw (TerminalWriter); so
                // picocli's help, which would colour itself with ESC sequences on a terminal, is plain.
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .setOut(TerminalWriter.printing(out))
                .setErr(TerminalWriter.printing(err))
                .setParameterExceptionHandler(JqsiCommand::badUsage)
                .setExecutionExceptionHandler(JqsiCommand::failed);
        // Every --lang, of every subcommand, defaults to the locale's language.
        commandLine.setDefaultValueProvider(argument -> argument instanceof CommandLine.Model.OptionSpec option
                && option.longestName().equals("--lang") ? language.code() : null);
        Version version = new Version();
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
        return commandLine.execute(args);
    }

    /** The subcommand that the first argument names, alone, or every subcommand. */
    static List<Class<?>> subcommandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                if (subcommand != CommandLine.HelpCommand.class
                        && subcommand.getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(subcommand);
                }
            }
        }
        return SUBCOMMANDS;
    }

    /** The language a command speaks: its {@code --lang}, or the locale's. */
    private static Language languageOf(CommandLine command) {
        Object root = command.getCommandSpec().root().userObject();
        return LanguageOption.of(command, root instanceof JqsiCommand jqsi ? jqsi.language : Language.FR);
    }

    /**
     * What reaches the user when a command fails unexpectedly (a disk error, a bug) or finds the file it writes held
     * by another jqsi for longer than it waits: one line saying what, in the command's language, not a stack trace
     * nor the exception's name; set {@code JQSI_DEBUG=1} to see the trace.
     */
    private static int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        Language language = languageOf(commandLine);
        LocalizedText what = e instanceof FileBusyException busy ? busy.problem()
                : e instanceof DatabaseException database ? database.text() : Failures.describe(e);
        commandLine.getErr().println(ServerMessages.said(language, commandLine.getCommandSpec().qualifiedName(),
                what.in(language)));
        if (System.getenv("JQSI_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
        }
        return 1;
    }

    /**
     * What reaches the user when the command line is wrong: what is wrong in the command's language (picocli says it
     * in English only), and where to find help. Exit status 2.
     */
    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        Language language = languageOf(commandLine);
        String name = commandLine.getCommandSpec().qualifiedName();
        commandLine.getErr().println(ServerMessages.said(language, name, UsageErrors.describe(e).in(language)));
        commandLine.getErr().println(ServerMessages.message(language, "cli.help", name));
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Makes the subcommands that read programs with the shared tools, and the others as picocli would. */
    private record Commands(ProgramTools tools) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            Object command;
            if (type == ServeCommand.class) {
                command = new ServeCommand(tools);
            } else if (type == ValidateCommand.class) {
                command = new ValidateCommand(tools);
            } else if (type == ExportCommand.class) {
                command = new ExportCommand(tools);
            } else if (type == ImportIcsCommand.class) {
                command = new ImportIcsCommand(tools);
            } else if (type == ImportSheetCommand.class) {
                command = new ImportSheetCommand(tools);
            } else if (type == SubmissionsCommand.Approve.class) {
                command = new SubmissionsCommand.Approve(tools);
            } else {
                return CommandLine.defaultFactory().create(type);
            }
            return type.cast(command);
        }
    }

    /** The version from the jar's manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = JqsiCommand.class.getPackage().getImplementationVersion();
            return new String[] {"jqsi " + (version == null ? "dev" : version)};
        }
    }
}
