package org.jqsi.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * A value the program file writes as one JSON string, in exactly one spelling: a date, a zone id, a language tag, an
 * enum constant. Reading accepts that spelling and nothing else (no numbers, arrays or lenient forms), so that the
 * reader and the JSON Schema agree on what a valid file is.
 *
 * @param <T> the value's type
 */
final class TextForm<T> {

    private final Class<T> type;
    private final Function<T, String> format;
    private final Function<String, T> parse;

    /**
     * @param type the value's type
     * @param format its spelling in the file
     * @param parse reads the spelling back; throws any {@link RuntimeException} (or returns {@code null}) when the
     *     text is not a valid spelling
     */
    TextForm(Class<T> type, Function<T, String> format, Function<String, T> parse) {
        this.type = Objects.requireNonNull(type, "type");
        this.format = Objects.requireNonNull(format, "format");
        this.parse = Objects.requireNonNull(parse, "parse");
    }

    Class<T> type() {
        return type;
    }

    JsonSerializer<T> serializer() {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(format.apply(value));
            }

            @Override
            public Class<T> handledType() {
                return type;
            }
        };
    }

    JsonDeserializer<T> deserializer() {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return type.cast(ctxt.handleUnexpectedToken(type, p));
                }
                String text = p.getText();
                T value;
                try {
                    value = parse.apply(text);
                } catch (RuntimeException e) {
                    value = null;
                }
                if (value == null) {
                    // The type is what ExpectedValue describes to people; Jackson's own wording is not shown.
                    throw InvalidFormatException.from(p, "not a valid " + type.getSimpleName(), text, type);
                }
                return value;
            }

            @Override
            public Class<T> handledType() {
                return type;
            }
        };
    }
}
