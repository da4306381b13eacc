package org.jqsi.server.internal.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jqsi} command and its subcommands. */
@Command(name = "jqsi", mixinStandardHelpOptions = true, versionProvider = JqsiCommand.Version.class,
        description = "Publishes the program of the Journées québécoises de la solidarité internationale.",
        subcommands = {ServeCommand.class, ValidateCommand.class, ExportCommand.class, ImportIcsCommand.class,
            CommandLine.HelpCommand.class})
public final class JqsiCommand implements Runnable {

    /** What {@code serve} returns once the server has stopped: the JVM is ending, and must not be exited again. */
    public static final int SERVER_STOPPED = -1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: serve, validate, export "
                + "or import-ics");
    }

    /** Runs the command line and returns its exit status: 0 done, 1 invalid input, 2 bad usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new JqsiCommand(), new Commands(ProgramTools.setUpInBackground()))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
                .setExecutionExceptionHandler(JqsiCommand::failed);
        return commandLine.execute(args);
    }

    /**
     * What reaches the user when a command fails unexpectedly (a disk error, a bug): one line saying what, not a stack
     * trace; set {@code JQSI_DEBUG=1} to see the trace.
     */
    private static int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        commandLine.getErr().println("jqsi " + commandLine.getCommandName() + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        if (System.getenv("JQSI_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
        }
        return 1;
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
