package org.jqsi.json.internal;

import com.fasterxml.jackson.core.JsonToken;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Locale;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;

/** What the program file expects in a place, and what it found there, in words for the person who wrote the file. */
final class ExpectedValue {

    private ExpectedValue() {
    }

    /** What a value of the given Java type looks like in the file. */
    static LocalizedText of(Class<?> type) {
        if (type == null) {
            return JsonMessages.text("expected.other");
        }
        if (type == String.class) {
            return JsonMessages.text("expected.string");
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return JsonMessages.text("expected.integer");
        }
        if (type == double.class || type == Double.class || type == BigDecimal.class) {
            return JsonMessages.text("expected.number");
        }
        if (type == boolean.class || type == Boolean.class) {
            return JsonMessages.text("expected.boolean");
        }
        if (type == URI.class) {
            return JsonMessages.text("expected.uri");
        }
        if (type == LocalDate.class) {
            return JsonMessages.text("expected.date");
        }
        if (type == LocalDateTime.class) {
            return JsonMessages.text("expected.date-time");
        }
        if (type == LocalTime.class) {
            return JsonMessages.text("expected.time");
        }
        if (type == Instant.class) {
            return JsonMessages.text("expected.instant");
        }
        if (type == ZoneId.class) {
            return JsonMessages.text("expected.zone");
        }
        if (type == Locale.class) {
            return JsonMessages.text("expected.language");
        }
        if (type == Region.class) {
            return JsonMessages.text("expected.region");
        }
        if (type.isEnum()) {
            String values = String.join(", ", EnumSpelling.all(type));
            return JsonMessages.text("expected.enum", values);
        }
        if (type == LocalizedText.class) {
            return JsonMessages.text("expected.localized-text");
        }
        if (Schedule.class.isAssignableFrom(type)) {
            return JsonMessages.text("expected.schedule");
        }
        if (Place.class.isAssignableFrom(type)) {
            return JsonMessages.text("expected.place");
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return JsonMessages.text("expected.array");
        }
        return JsonMessages.text("expected.object");
    }

    /**
     * The whole numbers a value of an integer type holds, {@code an integer from -2147483648 to 2147483647} for an
     * int: what a file that writes a larger one is told.
     */
    static LocalizedText inRange(Class<?> type) {
        long min;
        long max;
        if (type == long.class || type == Long.class) {
            min = Long.MIN_VALUE;
            max = Long.MAX_VALUE;
        } else if (type == short.class || type == Short.class) {
            min = Short.MIN_VALUE;
            max = Short.MAX_VALUE;
        } else if (type == byte.class || type == Byte.class) {
            min = Byte.MIN_VALUE;
            max = Byte.MAX_VALUE;
        } else if (type == int.class || type == Integer.class) {
            min = Integer.MIN_VALUE;
            max = Integer.MAX_VALUE;
        } else {
            return of(type);
        }
        // As text: a number argument would be grouped by the language's habit (2 147 483 647 in French).
        return JsonMessages.text("expected.integer-range", Long.toString(min), Long.toString(max));
    }

    /**
     * Whether a token is of another JSON type than the one values of {@code type} are written as: Jackson reports a
     * number given for a string, or a string for a number, as a badly spelled value, and people read it better as a
     * wrong type.
     */
    static boolean isWrongJsonType(Class<?> type, JsonToken token) {
        if (type == null || token == null) {
            return false;
        }
        boolean numberOrBoolean = type.isPrimitive() || Number.class.isAssignableFrom(type) || type == Boolean.class;
        return numberOrBoolean ? token == JsonToken.VALUE_STRING
                : token.isScalarValue() && token != JsonToken.VALUE_STRING;
    }

    /** What a token is, in words; {@code null} is the end of the text, a file or a request's body. */
    static LocalizedText found(JsonToken token, TextSource source) {
        if (token == null) {
            return JsonMessages.text("found.end-of-file", source.noun());
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT -> JsonMessages.text("found.object");
            case START_ARRAY, END_ARRAY -> JsonMessages.text("found.array");
            case VALUE_STRING -> JsonMessages.text("found.string");
            case VALUE_NUMBER_INT -> JsonMessages.text("found.integer");
            case VALUE_NUMBER_FLOAT -> JsonMessages.text("found.decimal");
            case VALUE_TRUE, VALUE_FALSE -> JsonMessages.text("found.boolean");
            case VALUE_NULL -> LocalizedText.of("null", "null");
            case FIELD_NAME -> JsonMessages.text("found.property-name");
            default -> LocalizedText.of(token.toString(), token.toString());
        };
    }
}
