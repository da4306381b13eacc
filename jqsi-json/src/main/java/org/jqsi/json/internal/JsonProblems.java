package org.jqsi.json.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.validation.Location;
import org.jqsi.core.validation.Problem;

/**
 * Turns what Jackson reports into the core's {@link Problem}s: a stable code, where it is
 * ({@code program.json:12:5 (activities[3].schedule.start)}) and what was expected, in French and English.
 *
 * <p>Codes: {@value #SYNTAX}, {@value #NOT_UTF8}, {@value #DUPLICATE}, {@value #UNKNOWN_PROPERTY}, {@value #WRONG_TYPE},
 * {@value #BAD_VALUE}, {@value #MISSING}, {@value #FORMAT_VERSION}.
 */
public final class JsonProblems {

    /** The file is not well-formed JSON. */
    public static final String SYNTAX = "json.syntax";
    /** The file's bytes are not UTF-8. */
    public static final String NOT_UTF8 = "json.not-utf8";
    /** An object names the same property twice. */
    public static final String DUPLICATE = "json.duplicate-property";
    /** A property the format does not have. */
    public static final String UNKNOWN_PROPERTY = "json.unknown-property";
    /** A value of the wrong JSON type: a string where an object is expected, a number for a date. */
    public static final String WRONG_TYPE = "json.wrong-type";
    /** A value of the right JSON type that is not valid: a date that does not exist, an unknown kind. */
    public static final String BAD_VALUE = "json.bad-value";
    /** A required property is missing or null. */
    public static final String MISSING = "json.missing";
    /** The file's {@code formatVersion} is missing or not one this reader knows. */
    public static final String FORMAT_VERSION = "json.format-version";

    /** Jackson names the missing property of a creator in its message, nowhere else. */
    private static final Pattern MISSING_CREATOR_PROPERTY =
            Pattern.compile("Missing required creator property '([^']+)'");

    private final String origin;
    private final TextSource source;
    private final Map<Problem, String> paths = new IdentityHashMap<>();
    private final Map<Problem, JsonLocation> locations = new IdentityHashMap<>();

    /** @param origin the file or resource, as people know it ({@code program.json}) */
    public JsonProblems(String origin) {
        this(origin, TextSource.FILE);
    }

    /**
     * @param origin what people call the text in problems ({@code program.json}, {@code body})
     * @param source what the text is, which the problems about its end and its bytes name
     */
    public JsonProblems(String origin, TextSource source) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * The same problems, placed where their paths are in the file, in the order of the file: Jackson places some
     * mapping errors at the end of the object it was reading, and the validator knows only paths. A problem of the
     * JSON itself keeps the place the parser gave it, the exact character; problems with no place come last.
     */
    public List<Problem> relocate(List<Problem> problems, JsonLocator locator) {
        record Placed(Problem problem, JsonLocation location) {
        }
        List<Placed> placed = new ArrayList<>();
        for (Problem problem : problems) {
            String path = paths.get(problem);
            if (endsReading(problem) || problem.code().equals(DUPLICATE)) {
                placed.add(new Placed(problem, locations.get(problem)));
                continue;
            }
            // A problem this class did not make comes from the validator, whose place is a path.
            Problem unplaced = path != null ? problem : problem.at(where(null, problem.where()));
            String at = path != null ? path : problem.where();
            placed.add(locator.locate(at)
                    .map(l -> new Placed(problem.at(where(l, at)), l))
                    .orElse(new Placed(unplaced, path != null ? locations.get(problem) : null)));
        }
        placed.sort(Comparator.comparing(Placed::location, Comparator.nullsLast(
                Comparator.comparingInt(JsonLocation::getLineNr).thenComparingInt(JsonLocation::getColumnNr))));
        return placed.stream().map(Placed::problem).toList();
    }

    /** The paths of the given problems that have one, in the file. */
    public List<String> pathsOf(List<Problem> problems) {
        return problems.stream().map(p -> paths.getOrDefault(p, p.where())).toList();
    }

    /** An error at a path, remembered so that it can be relocated. */
    private Problem error(JsonLocation location, String path, String code, LocalizedText message) {
        Problem problem = Problem.error(where(location, path), code, message);
        paths.put(problem, path == null ? "" : path);
        if (location != null && location.getLineNr() > 0) {
            locations.put(problem, location);
        }
        return problem;
    }

    /** The file or resource, as people know it. */
    public String origin() {
        return origin;
    }

    /** {@code origin:line:column (path)}, or less when the location or path is unknown. */
    public Location.FilePosition where(JsonLocation location, String path) {
        return location != null && location.getLineNr() > 0
                ? Location.inFile(origin, location.getLineNr(), location.getColumnNr(), path)
                : Location.inFile(origin, 0, 0, path);
    }

    /**
     * A problem of the file's JSON itself; reading cannot go on after it.
     *
     * @param p the parser that met it. Jackson's stream limits (nesting depth, number or string length) are raised
     *     without a location, and a problem that says "too deep" without saying where sends a person looking
     *     through the whole file: the parser's own position stands in.
     */
    public Problem syntax(JsonProcessingException e, JsonParser p) {
        if (e instanceof MalformedText malformed) {
            return malformed(malformed);
        }
        JsonLocation location = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        if (isDuplicate(e)) {
            return duplicate(location, null, e.getOriginalMessage());
        }
        int maxDepth = p.streamReadConstraints().getMaxNestingDepth();
        if (e instanceof StreamConstraintsException && p.getParsingContext().getNestingDepth() >= maxDepth) {
            // Said in the file's terms: Jackson's own message names its configuration class.
            return error(location, null, SYNTAX, JsonMessages.text("json.too-deep", maxDepth));
        }
        return error(location, null, JsonSyntax.isNotUtf8(e) ? NOT_UTF8 : SYNTAX, JsonSyntax.describe(e, p, source));
    }

    /** Text that is not UTF-8 or not Unicode, at the line and column where it starts. */
    public Problem malformed(MalformedText e) {
        return error(e.getLocation(), null, e.code(), e.description(source));
    }

    /** Whether a problem is about the JSON itself, which ends the reading: nothing after it can be trusted. */
    public static boolean endsReading(Problem problem) {
        return problem.code().equals(SYNTAX) || problem.code().equals(NOT_UTF8);
    }

    /** A value that could not be mapped, in the element at {@code basePath} ({@code activities[3]}). */
    public Problem mapping(JsonMappingException e, String basePath) {
        String path = basePath + relativePath(e);
        // Jackson wraps what the parser refuses inside a nested value (a schedule, a place) as a mapping error.
        if (e.getCause() instanceof JsonProcessingException cause && isDuplicate(cause)) {
            return duplicate(cause.getLocation(), path, cause.getOriginalMessage());
        }
        JsonLocation location = e.getLocation();
        JsonToken token = e.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
        if (e instanceof UnrecognizedPropertyException u) {
            String known = String.join(", ", u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
            return error(location, path, UNKNOWN_PROPERTY,
                    JsonMessages.text("json.unknown-property", u.getPropertyName(), known));
        }
        if (e instanceof InvalidTypeIdException t) {
            Class<?> base = t.getBaseType() == null ? null : t.getBaseType().getRawClass();
            if (t.getTypeId() == null && token != null && token.isScalarValue()) {
                return wrongType(location, path, ExpectedValue.of(base), token);
            }
            if (t.getTypeId() == null) {
                return missing(location, path, "type");
            }
            return badValue(location, path + ".type", t.getTypeId(), ExpectedValue.of(base));
        }
        if (e.getCause() instanceof InputCoercionException tooLarge) {
            return outOfRange(tooLarge, path);
        }
        if (e instanceof InvalidFormatException f && f.getValue() != null && token != JsonToken.VALUE_NULL
                && !ExpectedValue.isWrongJsonType(f.getTargetType(), token)) {
            // A number as the file writes it: 1e999999999 read as a double is "Infinity", 1e2 is "100.0".
            String value = token != null && token.isNumeric() ? writtenText(e, String.valueOf(f.getValue()))
                    : String.valueOf(f.getValue());
            return badValue(location, path, value, ExpectedValue.of(f.getTargetType()));
        }
        if (e instanceof ValueInstantiationException v) {
            return instantiation(v, location, path);
        }
        if (e instanceof MismatchedInputException m) {
            Matcher missing = MISSING_CREATOR_PROPERTY.matcher(Objects.toString(m.getOriginalMessage(), ""));
            if (missing.find()) {
                String name = missing.group(1);
                return missing(location, path.endsWith("." + name) ? path : path + "." + name, null);
            }
            return wrongType(location, path, ExpectedValue.of(m.getTargetType()), token);
        }
        String detail = Objects.requireNonNullElse(e.getOriginalMessage(), e.getClass().getSimpleName());
        return error(location, path, BAD_VALUE, JsonMessages.text("json.invalid", detail));
    }

    /**
     * A whole number beyond what its field holds ({@code 99999999999} for an int), at {@code path}. RFC 8259 §6 lets
     * a reader limit the range of the numbers it accepts, so the number is well-formed JSON that this field cannot
     * take: a bad value, said with the number as written and the range, and the reading goes on, where Jackson's
     * parser raises it as a problem of the stream.
     */
    Problem outOfRange(InputCoercionException e, String path) {
        return badValue(e.getLocation(), path, writtenText(e, "?"), ExpectedValue.inRange(e.getTargetType()));
    }

    /** The text of the value the parser of {@code e} is on, as the file writes it, or {@code otherwise}. */
    private static String writtenText(JsonProcessingException e, String otherwise) {
        try {
            return e.getProcessor() instanceof JsonParser p && p.currentToken() != null && p.currentToken().isNumeric()
                    ? p.getText() : otherwise;
        } catch (IOException unreadable) {
            return otherwise;
        }
    }

    static boolean isDuplicate(JsonProcessingException e) {
        return e instanceof JsonParseException && Objects.toString(e.getOriginalMessage(), "")
                .startsWith("Duplicate field");
    }

    /** A name given twice in the object at {@code path}. */
    Problem duplicate(JsonProcessingException e, String path) {
        return duplicate(e.getLocation(), path, e.getOriginalMessage());
    }

    /** A name given twice in one object, from Jackson's (and {@link UniquePropertyNames}') message. */
    private Problem duplicate(JsonLocation location, String path, String detail) {
        String name = quoted(detail);
        return error(location, path, DUPLICATE, JsonMessages.text("json.duplicate", name));
    }

    /** The top of the file, or a list in it, is not what the format expects. */
    public Problem wrongType(JsonLocation location, String path, LocalizedText expected, JsonToken found) {
        return error(location, path, WRONG_TYPE,
                JsonMessages.text("json.wrong-type", expected, ExpectedValue.found(found, source)));
    }

    /** A property that the file must have. */
    public Problem missing(JsonLocation location, String path, String name) {
        String full = name == null ? path : path + "." + name;
        String property = full.substring(full.lastIndexOf('.') + 1);
        return error(location, full, MISSING, JsonMessages.text("json.missing", property));
    }

    /** A property the format does not have at the top of the file. */
    public Problem unknownProperty(JsonLocation location, String name, List<String> known) {
        return unknownProperty(location, name, name, known);
    }

    /** A property the format does not have, at {@code path} ({@code activities[2].titre}). */
    Problem unknownProperty(JsonLocation location, String path, String name, List<String> known) {
        return error(location, path, UNKNOWN_PROPERTY,
                JsonMessages.text("json.unknown-property", name, String.join(", ", known)));
    }

    /** A format version this reader does not know. */
    public Problem formatVersion(JsonLocation location, String found, int supported) {
        Object what = found == null ? JsonMessages.text("json.format-version.missing") : found;
        return error(location, "formatVersion", FORMAT_VERSION, JsonMessages.text("json.format-version", what,
                supported));
    }

    private Problem badValue(JsonLocation location, String path, String value, LocalizedText expected) {
        return error(location, path, BAD_VALUE, JsonMessages.text("json.bad-value", value, expected));
    }

    /**
     * The core's records refuse a missing required part with {@code Objects.requireNonNull(value, "name")}: the
     * message is the name of the missing property.
     */
    private Problem instantiation(ValueInstantiationException v, JsonLocation location, String path) {
        return refused(location, path, v.getCause() == null ? v : v.getCause());
    }

    /** A record that refused the values it was given, for the reason {@code cause} says. */
    Problem refused(JsonLocation location, String path, Throwable cause) {
        if (cause instanceof NullPointerException npe && npe.getMessage() != null
                && npe.getMessage().matches("[a-zA-Z]+")) {
            return missing(location, path, npe.getMessage());
        }
        if (cause instanceof NullPointerException) {
            return error(location, path, WRONG_TYPE, JsonMessages.text("json.null"));
        }
        String detail = cause instanceof JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage();
        return error(location, path, BAD_VALUE, JsonMessages.text("json.invalid", detail));
    }

    /** The path inside the element from Jackson's references: {@code .schedule.start}, {@code .partners[1].role}. */
    private static String relativePath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String quoted(String message) {
        int start = message.indexOf('\'');
        int end = message.indexOf('\'', start + 1);
        return start >= 0 && end > start ? message.substring(start + 1, end) : message;
    }
}
