package org.jqsi.server.internal.cli;

import java.util.List;
import java.util.Map;
import org.jqsi.core.model.Language;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --lang}, which every subcommand takes: the language of everything the run says, its messages as well as the
 * texts it writes. Without it, the user's locale decides ({@link #fromEnvironment}).
 */
final class LanguageOption {

    @Option(names = "--lang", paramLabel = "fr|en", description = "Language of the messages and texts: fr or en "
            + "(default: ${DEFAULT-VALUE}, from LC_ALL, LC_MESSAGES or LANG; French unless they name English).")
    // Null until picocli gives the option's value or its default, which it does once the whole line is read: a
    // refused value before that is said in the run's language.
    Language language;

    /**
     * The language of the user's locale, as POSIX looks it up: the first of {@code LC_ALL}, {@code LC_MESSAGES} and
     * {@code LANG} that is set; English when it names English ({@code en_CA.UTF-8}), French otherwise, {@code C}
     * included: jqsi speaks French first.
     */
    static Language fromEnvironment(Map<String, String> environment) {
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return value.startsWith("en") ? Language.EN : Language.FR;
            }
        }
        return Language.FR;
    }

    /** The language a command speaks: its {@code --lang}, given or by default, or {@code otherwise}. */
    static Language of(CommandLine command, Language otherwise) {
        CommandLine.Model.OptionSpec option = command.getCommandSpec().findOption("--lang");
        return option != null && option.getValue() instanceof Language language ? language : otherwise;
    }
}
