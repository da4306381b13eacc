package org.jqsi.server.internal.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.jqsi.jdbc.Database;
import org.jqsi.server.internal.ServerMessages;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --data} and {@code --database}, which {@code serve} and {@code submissions} take: where submissions, their
 * history and what approvals publish are kept. By default an embedded database in a data directory, which needs
 * nothing installed; or a PostgreSQL database that several servers share. A password is never on the command line,
 * where every user of the machine can read it ({@code ps}): it comes from {@code JQSI_DATABASE_PASSWORD} (or
 * PostgreSQL's own {@code ~/.pgpass}).
 */
final class DatabaseOption {

    /** The environment variables it reads. */
    static final String DATA = "JQSI_DATA";
    static final String USER = "JQSI_DATABASE_USER";
    static final String PASSWORD = "JQSI_DATABASE_PASSWORD";

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory of the embedded database (default: $JQSI_DATA, else $XDG_DATA_HOME/jqsi, else "
                    + "~/.local/share/jqsi). Created when missing. A server and the submissions commands may use it "
                    + "at the same time.")
    Path data;

    @Option(names = "--database", paramLabel = "URL",
            description = "A PostgreSQL database instead, shared by several servers: jdbc:postgresql://HOST:5432/DB. "
                    + "User from $JQSI_DATABASE_USER (else the address's user=, else jqsi), password from "
                    + "$JQSI_DATABASE_PASSWORD or ~/.pgpass, never from the command line.")
    String database;

    /** Opens the database the options name, creating and migrating it as needed. */
    Database open(CommandSpec command) throws OptionProblem {
        return opener(command).get();
    }

    /**
     * Checks the options now and returns what opens the database they name (creating and migrating it as needed)
     * when called: {@code serve} opens it on a thread of its own while the rest of the server starts.
     */
    Supplier<Database> opener(CommandSpec command) throws OptionProblem {
        Map<String, String> environment = JqsiCommand.environmentOf(command);
        if (database != null && data != null) {
            throw new OptionProblem("--database", ServerMessages.text("database.both"));
        }
        if (database != null) {
            if (!database.startsWith("jdbc:postgresql:")) {
                throw new OptionProblem("--database", ServerMessages.text("database.not-postgresql", database));
            }
            if (database.toLowerCase(java.util.Locale.ROOT).matches(".*[?&]password=.*")) {
                throw new OptionProblem("--database", ServerMessages.text("database.password-in-url", PASSWORD));
            }
            // A user named in the address wins over the default; the environment's over both.
            String user = environment.getOrDefault(USER,
                    database.toLowerCase(java.util.Locale.ROOT).matches(".*[?&]user=.*") ? null : "jqsi");
            String url = database;
            return () -> Database.connect(url, user, environment.get(PASSWORD));
        }
        Path directory = dataDirectory(environment);
        return () -> Database.embedded(directory);
    }

    /** {@code --data}, else {@code $JQSI_DATA}, else {@code $XDG_DATA_HOME/jqsi}, else {@code ~/.local/share/jqsi}. */
    Path dataDirectory(Map<String, String> environment) {
        if (data != null) {
            return data.toAbsolutePath();
        }
        String given = environment.get(DATA);
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath();
        }
        String xdg = environment.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "jqsi");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "jqsi");
    }
}
