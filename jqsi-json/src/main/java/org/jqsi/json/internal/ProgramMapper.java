package org.jqsi.json.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jqsi.core.internal.model.ModelTypes;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Geo;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.json.ProgramSchema;

/** The {@link ObjectMapper} of the program file format: strict on reading, deterministic on writing. */
public final class ProgramMapper {

    private ProgramMapper() {
    }

    /**
     * The same mapper with the plain path for activities and the records they hold ({@link PlainRecordDeserializer}):
     * faster on a file without problems, and it refuses everything else without saying why, for {@link #create()}'s
     * mapper to say it.
     */
    public static ObjectMapper createPlain() {
        SimpleModule plain = new SimpleModule("jqsi-plain-records");
        ModelTypes.reachableFrom(Activity.class).stream()
                .filter(Class::isRecord)
                .forEach(type -> addPlain(plain, type.asSubclass(Record.class)));
        ObjectMapper mapper = create();
        mapper.registerModule(plain);
        return mapper;
    }

    /**
     * What the mix-ins in {@link ModelMixins} require of the records on the plain path; the rest may be left out.
     * Every record an activity holds is on it (found by walking the model, so a record added later joins it), so that
     * the plain path sees each of an activity's objects' names, and refuses one given twice.
     */
    private static final Map<Class<?>, Set<String>> REQUIRED = Map.of(
            Geo.class, Set.of("latitude", "longitude"),
            Registration.class, Set.of("required"));

    private static <T extends Record> void addPlain(SimpleModule module, Class<T> type) {
        module.addDeserializer(type, new PlainRecordDeserializer<>(type, REQUIRED.getOrDefault(type, Set.of())));
    }

    /**
     * The same mapper with {@link ReportingRecordDeserializer} for every record a program holds: slower, and for
     * files that did not read only, to report every problem they have; which properties are required comes from the
     * published schema ({@link ProgramSchema}).
     */
    public static ObjectMapper createReporting() {
        JsonNode definitions;
        try {
            definitions = new ObjectMapper().readTree(ProgramSchema.text()).path("$defs");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the schema in this jar is not JSON", e);
        }
        SimpleModule reporting = new SimpleModule("jqsi-reporting-records");
        ModelTypes.reachableFrom(Edition.class, Partner.class, Activity.class).stream()
                .filter(Class::isRecord)
                .forEach(type -> addReporting(reporting, type.asSubclass(Record.class), definitions));
        ObjectMapper mapper = create();
        mapper.registerModule(reporting);
        return mapper;
    }

    private static <T extends Record> void addReporting(SimpleModule module, Class<T> type, JsonNode definitions) {
        Set<String> required = new HashSet<>();
        definitions.path(schemaName(type)).path("required").forEach(name -> required.add(name.asText()));
        module.addDeserializer(type, new ReportingRecordDeserializer<>(type, required));
    }

    /** The name of a record's definition in the schema: {@code activity}, {@code localizedText}, {@code tba}. */
    static String schemaName(Class<?> type) {
        if (type == Schedule.ToBeAnnounced.class) {
            return "tba";
        }
        String name = type.getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
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
