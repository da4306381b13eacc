package org.jqsi.json.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.validation.ControlCharacters;

/**
 * What is wrong with a file's JSON, said in jqsi's words in French and English: Jackson's parser explains itself in
 * English only, in its own terms ({@code "Unexpected character ('\"' (code 34)): was expecting comma to separate
 * Object entries"}), which would leave an English sentence in the middle of French output.
 *
 * <p>Jackson has no error codes; its messages are recognised by their stable beginnings (the same since Jackson 2.0).
 * A message not recognised says "malformed JSON here" in French and keeps Jackson's words in English.
 */
final class JsonSyntax {

    /** {@code Unexpected character ('x' (code 120))} or {@code (CTRL-CHAR, code 10)}, then what was expected. */
    private static final Pattern UNEXPECTED = Pattern.compile(
            "Unexpected character \\((?:'(.)' \\(code \\d+\\)|\\(CTRL-CHAR, code (\\d+)\\))\\)(.*)", Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '([^']*)'");
    private static final Pattern CLOSE_MARKER = Pattern.compile("Unexpected close marker '(.)'");
    private static final Pattern ESCAPE = Pattern.compile("Unrecognized character escape '(.)'");
    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '([^']*)'");
    /** {@code Illegal unquoted character ((CTRL-CHAR, code 0)): has to be escaped …}: a raw control in a string. */
    private static final Pattern RAW_CONTROL = Pattern.compile(
            "Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d{1,5})\\)\\)");

    private JsonSyntax() {
    }

    /** Whether the bytes of the file are not UTF-8: then nothing after them can be read. */
    static boolean isNotUtf8(JsonProcessingException e) {
        return Objects.toString(e.getOriginalMessage(), "").startsWith("Invalid UTF-8");
    }

    /**
     * What is wrong, from what the parser {@code p} says in {@code e}.
     *
     * @param p the parser, whose open arrays and objects say what the end of a truncated file lacks
     * @param source what the text is: a file, or a request's body, which the messages about its end and bytes name
     */
    static LocalizedText describe(JsonProcessingException e, JsonParser p, TextSource source) {
        String message = Objects.toString(e.getOriginalMessage(), "");
        if (isNotUtf8(e)) {
            return JsonMessages.text("syntax.not-utf8", source.notUtf8());
        }
        if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
            return endOfFile(message, p, source.noun());
        }
        Matcher unexpected = UNEXPECTED.matcher(message);
        if (unexpected.matches()) {
            return unexpected(unexpected.group(1), unexpected.group(2), unexpected.group(3));
        }
        Matcher token = UNRECOGNIZED_TOKEN.matcher(message);
        if (token.lookingAt()) {
            return notAValue(token.group(1));
        }
        Matcher nonStandard = NON_STANDARD.matcher(message);
        if (nonStandard.lookingAt()) {
            return notAValue(nonStandard.group(1));
        }
        Matcher close = CLOSE_MARKER.matcher(message);
        if (close.lookingAt()) {
            return JsonMessages.text("syntax.closes-nothing", close.group(1));
        }
        Matcher raw = RAW_CONTROL.matcher(message);
        if (raw.lookingAt()) {
            return rawControl(Integer.parseInt(raw.group(1)));
        }
        if (message.startsWith("Illegal unquoted character")) {
            return JsonMessages.text("syntax.raw-control");
        }
        Matcher escape = ESCAPE.matcher(message);
        if (escape.lookingAt()) {
            return JsonMessages.text("syntax.bad-escape", escape.group(1));
        }
        if (message.startsWith("Invalid numeric value")) {
            return JsonMessages.text("syntax.bad-number");
        }
        return JsonMessages.text("syntax.malformed", message);
    }

    /**
     * The text ends inside a text, a name, an object or an array: say which, and what is missing.
     *
     * @param text the name of what ends: the file, the request's body
     */
    private static LocalizedText endOfFile(String message, JsonParser p, LocalizedText text) {
        if (message.contains("VALUE_STRING") || message.contains("field name")) {
            return JsonMessages.text("syntax.end-in-text", text);
        }
        JsonStreamContext open = p.getParsingContext();
        if (open != null && open.inArray()) {
            return JsonMessages.text("syntax.end-in-array", text, closers(open));
        }
        return JsonMessages.text("syntax.end-in-object", text, closers(open));
    }

    /** The closing marks of every array and object still open, innermost first: {@code  (}]}}. */
    private static String closers(JsonStreamContext open) {
        StringBuilder closers = new StringBuilder();
        for (JsonStreamContext c = open; c != null && !c.inRoot(); c = c.getParent()) {
            closers.append(c.inArray() ? ']' : '}');
        }
        return closers.length() <= 1 ? "" : " (" + closers + ")";
    }

    private static LocalizedText unexpected(String character, String controlCode, String rest) {
        LocalizedText found = "\"".equals(character) ? JsonMessages.text("syntax.char.quote")
                : character != null ? JsonMessages.text("syntax.char.other", character)
                : JsonMessages.text("syntax.char.control", controlCode);
        if (rest.contains("double-quote to start field name")) {
            return JsonMessages.text("syntax.expected-name", found);
        }
        if (rest.contains("comma to separate Object entries")) {
            return JsonMessages.text("syntax.expected-comma-in-object", found);
        }
        if (rest.contains("comma to separate Array entries")) {
            return JsonMessages.text("syntax.expected-comma-in-array", found);
        }
        if (rest.contains("colon to separate field name and value")) {
            return JsonMessages.text("syntax.expected-colon", found);
        }
        if (rest.contains("comment")) {
            return JsonMessages.text("syntax.comment", found);
        }
        if (rest.contains("numeric value")) {
            return JsonMessages.text("syntax.number-char", found);
        }
        if (rest.contains("expected a value") || rest.contains("expected a valid value")) {
            // A closing mark where a value is expected follows a comma too many: [1, 2,] or {"a": 1,}.
            return JsonMessages.text("]".equals(character) || "}".equals(character)
                    ? "syntax.expected-value-after-comma" : "syntax.expected-value", found);
        }
        return JsonMessages.text("syntax.unexpected", found);
    }

    /**
     * A control character written as such inside a text: a line break or a tab is told how to write it; any other is
     * named ({@code U+0000}), for it has no place in a text, escaped or not.
     */
    private static LocalizedText rawControl(int code) {
        return code == '\n' || code == '\r' || code == '\t' ? JsonMessages.text("syntax.raw-control")
                : JsonMessages.text("syntax.raw-control-other", ControlCharacters.name(code));
    }

    private static LocalizedText notAValue(String token) {
        return JsonMessages.text("syntax.not-a-value", token);
    }
}
