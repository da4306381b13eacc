package org.jqsi.json.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jqsi.core.model.LocalizedText;

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
     */
    static LocalizedText describe(JsonProcessingException e, JsonParser p) {
        String message = Objects.toString(e.getOriginalMessage(), "");
        if (isNotUtf8(e)) {
            return LocalizedText.of(
                    "le fichier n'est pas en UTF-8 : enregistrez-le en UTF-8 (ici, un octet ne peut pas être lu)",
                    "the file is not UTF-8: save it as UTF-8 (a byte here cannot be read)");
        }
        if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
            return endOfFile(message, p);
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
            return LocalizedText.of("« " + close.group(1) + " » ne ferme rien ici : un crochet ou une accolade est "
                    + "en trop ou mal placé", "\"" + close.group(1) + "\" closes nothing here: a bracket or brace is "
                    + "one too many or misplaced");
        }
        if (message.startsWith("Illegal unquoted character")) {
            return LocalizedText.of("un texte ne peut pas contenir de saut de ligne ni de tabulation tels quels : "
                    + "écrivez \\n ou \\t", "a text cannot hold a line break or tab as such: write \\n or \\t");
        }
        Matcher escape = ESCAPE.matcher(message);
        if (escape.lookingAt()) {
            return LocalizedText.of("« \\" + escape.group(1) + " » n'est pas un échappement JSON : une barre "
                    + "oblique inverse s'écrit \\\\", "\"\\" + escape.group(1) + "\" is not a JSON escape: a "
                    + "backslash is written \\\\");
        }
        if (message.startsWith("Invalid numeric value")) {
            return LocalizedText.of("nombre mal écrit : chiffres sans zéro en tête, point décimal suivi d'un chiffre",
                    "badly written number: digits without a leading zero, a decimal point followed by a digit");
        }
        return LocalizedText.of("JSON mal formé à cet endroit", "malformed JSON: " + message);
    }

    /** The file ends inside a text, a name, an object or an array: say which, and what is missing. */
    private static LocalizedText endOfFile(String message, JsonParser p) {
        if (message.contains("VALUE_STRING") || message.contains("field name")) {
            return LocalizedText.of("le fichier se termine au milieu d'un texte : il manque un guillemet",
                    "the file ends inside a text: a quotation mark is missing");
        }
        JsonStreamContext open = p.getParsingContext();
        if (open != null && open.inArray()) {
            return LocalizedText.of("le fichier se termine avant la fin d'un tableau : il manque « ] »"
                    + closers(open), "the file ends before the end of an array: \"]\" is missing" + closers(open));
        }
        return LocalizedText.of("le fichier se termine avant la fin d'un objet : il manque « } »" + closers(open),
                "the file ends before the end of an object: \"}\" is missing" + closers(open));
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
        String found = "\"".equals(character) ? "un guillemet" : character != null ? "« " + character + " »"
                : "un caractère de contrôle (" + controlCode + ")";
        String foundEn = "\"".equals(character) ? "a quotation mark" : character != null ? "\"" + character + "\""
                : "a control character (" + controlCode + ")";
        if (rest.contains("double-quote to start field name")) {
            return LocalizedText.of("attendu : le nom d'une propriété entre guillemets ; trouvé : " + found
                    + " (une virgule de trop avant « } » ?)", "expected a property name in quotation marks, found "
                    + foundEn + " (a comma too many before \"}\"?)");
        }
        if (rest.contains("comma to separate Object entries")) {
            return LocalizedText.of("attendu : une virgule ou « } » après la valeur ; trouvé : " + found
                    + " (il manque une virgule ?)", "expected a comma or \"}\" after the value, found " + foundEn
                    + " (a comma is missing?)");
        }
        if (rest.contains("comma to separate Array entries")) {
            return LocalizedText.of("attendu : une virgule ou « ] » après la valeur ; trouvé : " + found,
                    "expected a comma or \"]\" after the value, found " + foundEn);
        }
        if (rest.contains("colon to separate field name and value")) {
            return LocalizedText.of("attendu : « : » entre le nom et la valeur ; trouvé : " + found,
                    "expected \":\" between the name and the value, found " + foundEn);
        }
        if (rest.contains("comment")) {
            return LocalizedText.of("JSON n'a pas de commentaires : trouvé : " + found,
                    "JSON has no comments: found " + foundEn);
        }
        if (rest.contains("numeric value")) {
            return LocalizedText.of("nombre mal écrit : trouvé " + found + " au lieu d'un chiffre",
                    "badly written number: found " + foundEn + " instead of a digit");
        }
        if (rest.contains("expected a value") || rest.contains("expected a valid value")) {
            return LocalizedText.of("attendu : une valeur (texte entre guillemets droits, nombre, objet, tableau, "
                    + "true, false ou null) ; trouvé : " + found + ("]".equals(character) || "}".equals(character)
                            ? " (une virgule de trop ?)" : ""), "expected a value (text in straight quotation "
                    + "marks, number, object, array, true, false or null), found " + foundEn
                    + ("]".equals(character) || "}".equals(character) ? " (a comma too many?)" : ""));
        }
        return LocalizedText.of("caractère inattendu : " + found, "unexpected character " + foundEn);
    }

    private static LocalizedText notAValue(String token) {
        return LocalizedText.of("« " + token + " » n'est pas une valeur JSON : un texte s'écrit entre guillemets "
                + "droits, et seuls true, false et null s'écrivent sans", "\"" + token + "\" is not a JSON value: "
                + "a text is written in straight quotation marks, and only true, false and null without");
    }
}
