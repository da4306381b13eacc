package org.jqsi.server.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.server.internal.ServerMessages;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What is wrong with a command line, in French and English: picocli explains its refusals in English only. The usual
 * ones (an unknown argument, a missing one, a value of the wrong kind) are said here; another keeps picocli's words.
 */
final class UsageErrors {

    private UsageErrors() {
    }

    static LocalizedText describe(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arguments = String.join(" ", unmatched.getUnmatched());
            return ServerMessages.text("usage.unknown-argument", arguments);
        }
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            String names = String.join(", ", missing.getMissing().stream().map(UsageErrors::name).toList());
            return ServerMessages.text("usage.missing", names);
        }
        ArgSpec argument = e.getArgSpec();
        if (argument != null && e.getValue() != null && !(e instanceof CommandLine.OverwrittenOptionException)
                && !(e instanceof CommandLine.MaxValuesExceededException)) {
            String expected = expected(argument);
            return expected.isEmpty() ? ServerMessages.text("usage.invalid-value", name(argument), e.getValue())
                    : ServerMessages.text("usage.invalid-value-expected", name(argument), e.getValue(), expected);
        }
        return LocalizedText.of(e.getMessage(), e.getMessage());
    }

    /** {@code --format}, or {@code FILE} for a parameter. */
    private static String name(ArgSpec argument) {
        if (argument instanceof OptionSpec option) {
            return option.longestName();
        }
        return argument instanceof PositionalParamSpec parameter ? parameter.paramLabel() : argument.toString();
    }

    /** The values an enum option takes, as they are written: {@code ics, json, jsonld}. */
    private static String expected(ArgSpec argument) {
        Class<?> type = argument.type();
        if (!type.isEnum() && argument.auxiliaryTypes().length == 1) {
            type = argument.auxiliaryTypes()[0];
        }
        if (!type.isEnum()) {
            return "";
        }
        List<String> values = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            values.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", values);
    }
}
