package org.jqsi.web.internal;

import java.util.List;

/**
 * What is wrong with one request parameter.
 *
 * @param parameter the parameter's name, as the request spells it (one of the widget's own names)
 * @param messageKey the key of the explanation in the message bundles
 * @param args the explanation's arguments, as plain text (the templates escape them)
 */
public record ParameterProblem(String parameter, String messageKey, List<String> args) {

    /** Longest part of a rejected value that is shown back, so an oversized value does not make a huge page. */
    static final int SHOWN_VALUE_LENGTH = 40;

    public ParameterProblem {
        args = List.copyOf(args);
    }

    static ParameterProblem of(String parameter, String messageKey, String... args) {
        return new ParameterProblem(parameter, messageKey, List.of(args));
    }

    /** A problem that quotes the value it rejects, cut short. */
    static ParameterProblem quoting(String parameter, String messageKey, String value) {
        String shown = value.length() > SHOWN_VALUE_LENGTH ? value.substring(0, SHOWN_VALUE_LENGTH) + "…" : value;
        return of(parameter, messageKey, shown);
    }

    /** The explanation in a language, as plain text. */
    public String message(Messages messages) {
        return messages.text(messageKey, args.toArray());
    }
}
