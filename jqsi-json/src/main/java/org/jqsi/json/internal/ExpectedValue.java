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
            return LocalizedText.of("une autre valeur", "another value");
        }
        if (type == String.class) {
            return LocalizedText.of("une chaîne de caractères", "a string");
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return LocalizedText.of("un nombre entier", "an integer");
        }
        if (type == double.class || type == Double.class || type == BigDecimal.class) {
            return LocalizedText.of("un nombre", "a number");
        }
        if (type == boolean.class || type == Boolean.class) {
            return LocalizedText.of("true ou false", "true or false");
        }
        if (type == URI.class) {
            return LocalizedText.of("une adresse web (https://…)", "a web address (https://…)");
        }
        if (type == LocalDate.class) {
            return LocalizedText.of("une date AAAA-MM-JJ, comme 2020-11-13", "a date YYYY-MM-DD, like 2020-11-13");
        }
        if (type == LocalDateTime.class) {
            return LocalizedText.of("une date et une heure locales AAAA-MM-JJThh:mm, comme 2020-11-10T19:30",
                    "a local date and time YYYY-MM-DDThh:mm, like 2020-11-10T19:30");
        }
        if (type == LocalTime.class) {
            return LocalizedText.of("une heure hh:mm, comme 19:30", "a time hh:mm, like 19:30");
        }
        if (type == Instant.class) {
            return LocalizedText.of("un instant UTC, comme 2020-11-01T12:00:00Z",
                    "a UTC instant, like 2020-11-01T12:00:00Z");
        }
        if (type == ZoneId.class) {
            return LocalizedText.of("un fuseau horaire de la base IANA, comme America/Toronto",
                    "an IANA time-zone id, like America/Toronto");
        }
        if (type == Locale.class) {
            return LocalizedText.of("une étiquette de langue, comme fr, en ou fr-CA",
                    "a language tag, like fr, en or fr-CA");
        }
        if (type == Region.class) {
            return LocalizedText.of("un code de région administrative, de « 01 » à « 17 »",
                    "an administrative region code, from \"01\" to \"17\"");
        }
        if (type.isEnum()) {
            String values = String.join(", ", EnumSpelling.all(type));
            return LocalizedText.of("l'une de ces valeurs : " + values, "one of: " + values);
        }
        if (type == LocalizedText.class) {
            return LocalizedText.of("un objet {\"fr\": \"…\", \"en\": \"…\"}", "an object {\"fr\": \"…\", \"en\": \"…\"}");
        }
        if (Schedule.class.isAssignableFrom(type)) {
            return LocalizedText.of("un horaire dont le « type » est timed, window ou tba",
                    "a schedule whose \"type\" is timed, window or tba");
        }
        if (Place.class.isAssignableFrom(type)) {
            return LocalizedText.of("un lieu dont le « type » est venue, online ou hybrid",
                    "a place whose \"type\" is venue, online or hybrid");
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return LocalizedText.of("un tableau [ … ]", "an array [ … ]");
        }
        return LocalizedText.of("un objet { … }", "an object { … }");
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
        return numberOrBoolean ? token == JsonToken.VALUE_STRING : token.isScalarValue() && token != JsonToken.VALUE_STRING;
    }

    /** What a token is, in words. */
    static LocalizedText found(JsonToken token) {
        if (token == null) {
            return LocalizedText.of("la fin du fichier", "the end of the file");
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT -> LocalizedText.of("un objet", "an object");
            case START_ARRAY, END_ARRAY -> LocalizedText.of("un tableau", "an array");
            case VALUE_STRING -> LocalizedText.of("une chaîne de caractères", "a string");
            case VALUE_NUMBER_INT -> LocalizedText.of("un nombre entier", "an integer");
            case VALUE_NUMBER_FLOAT -> LocalizedText.of("un nombre décimal", "a decimal number");
            case VALUE_TRUE, VALUE_FALSE -> LocalizedText.of("un booléen", "a boolean");
            case VALUE_NULL -> LocalizedText.of("null", "null");
            case FIELD_NAME -> LocalizedText.of("un nom de propriété", "a property name");
            default -> LocalizedText.of(token.toString(), token.toString());
        };
    }
}
