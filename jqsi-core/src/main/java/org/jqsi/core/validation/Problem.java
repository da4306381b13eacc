package org.jqsi.core.validation;

import java.util.Objects;
import org.jqsi.core.internal.JqsiMessageBundles;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * One problem found in what was read: a program, a program file, a partner's feed, a spreadsheet.
 *
 * @param severity whether it keeps the program from being served
 * @param location where it is: a path such as {@code activities[3].schedule.end}, a file with line and column, an
 *     event of a feed, a cell of a sheet
 * @param code a stable name for the rule that was broken ({@code schedule.end-before-start}, {@code NotBlank}), for
 *     programs and tests
 * @param message what is wrong, for people, in French and English
 */
public record Problem(Severity severity, Location location, String code, LocalizedText message) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** A problem at a place said in words ({@link Location.Described}). */
    public Problem(Severity severity, String where, String code, LocalizedText message) {
        this(severity, Location.described(Objects.requireNonNull(where, "where")), code, message);
    }

    /** An error. */
    public static Problem error(Location location, String code, LocalizedText message) {
        return new Problem(Severity.ERROR, location, code, message);
    }

    /** A warning. */
    public static Problem warning(Location location, String code, LocalizedText message) {
        return new Problem(Severity.WARNING, location, code, message);
    }

    /** An error at a place said in words ({@link Location.Described}). */
    public static Problem error(String where, String code, LocalizedText message) {
        return new Problem(Severity.ERROR, where, code, message);
    }

    /** A warning at a place said in words ({@link Location.Described}). */
    public static Problem warning(String where, String code, LocalizedText message) {
        return new Problem(Severity.WARNING, where, code, message);
    }

    /** The same problem at another place. */
    public Problem at(Location other) {
        return new Problem(severity, other, code, message);
    }

    /**
     * Where it is, in English words: {@code activities[3].schedule.end}, {@code program.json:12:5 (editions[0])},
     * {@code UID o6@example.org (line 8)}; {@code location().in(language)} says it in a language.
     */
    public String where() {
        return location.text();
    }

    /** The message in a language. */
    public String message(Language language) {
        return message.in(language);
    }

    /**
     * One line for people: {@code activities[3].schedule.end: must be after the start}, with {@code warning: } (or
     * {@code avertissement : }) before the message of a warning; the message alone when it has no place.
     */
    public String format(Language language) {
        String what = severity == Severity.WARNING
                ? JqsiMessageBundles.message(language, "problem.warning", message(language)) : message(language);
        String where = location.in(language);
        return where.isEmpty() ? what : JqsiMessageBundles.message(language, "problem.at", where, what);
    }
}
