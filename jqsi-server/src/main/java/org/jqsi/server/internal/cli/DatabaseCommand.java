package org.jqsi.server.internal.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jqsi.core.model.Language;
import org.jqsi.jdbc.Database;
import org.jqsi.server.internal.ServerMessages;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that works on the database ({@code jqsi submissions …}, {@code jqsi accounts …}): its {@code --lang},
 * {@code --data} / {@code --database}, and the one way it runs: its arguments checked, the database opened (a refused
 * option is exit 2), the work done, the database closed. Exit 1 for what was not done, said in the run's language.
 */
abstract class DatabaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LanguageOption lang = new LanguageOption();

    @Mixin
    DatabaseOption database = new DatabaseOption();

    Language language() {
        return lang.language;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Says something went wrong, in the run's language, and returns 1. */
    int notDone(String what) {
        spec.commandLine().getErr().println(ServerMessages.said(language(), spec.qualifiedName(), what));
        return 1;
    }

    /** Checks the arguments before the database is opened: bad usage is said without waiting for it. */
    void check() throws OptionProblem {
    }

    @Override
    public final Integer call() throws Exception {
        try {
            check();
        } catch (OptionProblem e) {
            return e.report(spec, language());
        }
        Database opened;
        try {
            opened = database.open(spec);
        } catch (OptionProblem e) {
            return e.report(spec, language());
        }
        try (Database db = opened) {
            return run(db);
        } catch (OptionProblem e) {
            return e.report(spec, language());
        }
    }

    /** Does the command's work on the open database; its exit status. */
    abstract int run(Database db) throws Exception;
}
