package org.jqsi.server.internal.cli;

import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.server.internal.ServerMessages;
import picocli.CommandLine.Model.CommandSpec;

/**
 * An option whose value the command cannot use, found once the command knows more than picocli did (the ids of the
 * program, what the server accepts): said as {@code jqsi export: --edition: unknown edition "nope"; ...}, exit 2.
 */
final class OptionProblem extends Exception {

    private static final long serialVersionUID = 1L;

    /** Bad usage. */
    static final int EXIT = 2;

    private final String option;
    private final transient LocalizedText problem;

    OptionProblem(String option, LocalizedText problem) {
        super(option + ": " + problem.in(Language.EN), null, false, false);
        this.option = option;
        this.problem = problem;
    }

    /** Says the problem on the command's error output, in its language, and returns the exit status. */
    int report(CommandSpec command, Language language) {
        command.commandLine().getErr().println(ServerMessages.said(language, command.qualifiedName(),
                ServerMessages.said(language, option, problem.in(language))));
        return EXIT;
    }
}
