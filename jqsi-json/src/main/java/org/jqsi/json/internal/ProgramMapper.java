package org.jqsi.json.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/** The {@link ObjectMapper} of the program file format: strict on reading, deterministic on writing. */
public final class ProgramMapper {

    private ProgramMapper() {
    }

    /** A new mapper for program files; share it, it is thread-safe once built. */
    public static ObjectMapper create() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new ProgramJacksonModule())
                // Strict reading: a value has one JSON type and one spelling. That names appear once in an object
                // is checked by ProgramFileParser through UniquePropertyNames, which costs less than this feature.
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A missing or null revision is 0; the numbers and booleans that are required say so in mix-ins.
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                // Trailing content is checked once, at the end of the file: elements are read one by one.
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // The core's packages are exported, not opened: use public constructors and accessors only.
                .disable(MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS)
                .disable(MapperFeature.OVERRIDE_PUBLIC_ACCESS_MODIFIERS)
                // isFree(), isDated() are derived from other properties, not part of the format.
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                // Deterministic writing: record order, no nulls or empty lists, 12.50 stays 12.50.
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                        JsonInclude.Include.NON_EMPTY))
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        // A number or boolean where text is expected is an error, not text.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
        return mapper;
    }
}
