package org.jqsi.json.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jqsi.core.validation.Problem;

/**
 * Maps a record and reports every problem of its object, where databind stops at the first: an unknown name, each
 * value that cannot be read, each required property that is missing, in the order of the file. Used only to say what
 * is wrong with a file that did not read ({@link ProgramFileParser#report}): a valid file never comes here.
 *
 * <p>Databind builds a record from all its values at once, so that the first missing one ends the object before its
 * unknown names are even looked at: {@code "titre"} was reported only once {@code "title"} was there. Here each
 * name is looked at as it comes, each value is read by Jackson's own deserializer for its type (whose errors
 * {@link JsonProblems} already words), and what is required comes from the published JSON Schema, the one place
 * that says it. An object with a problem, or with one inside it, is not built, and its holder is not either: the
 * problems are the result, and one problem is not said twice.
 *
 * @param <T> the record
 */
final class ReportingRecordDeserializer<T extends Record> extends JsonDeserializer<T>
        implements ResolvableDeserializer {

    /** The problems of one reading, which the deserializers add to; carried by the reading's attributes. */
    static final class Found {
        static final Object KEY = Found.class;

        final JsonProblems report;
        final List<Problem> problems = new ArrayList<>();
        /** The path of the value being read ({@code activities}, {@code activities[3].schedule}). */
        String path;

        Found(JsonProblems report) {
            this.report = report;
        }
    }

    private final Class<T> type;
    private final RecordComponent[] components;
    private final Map<String, Integer> indexes = new HashMap<>();
    private final boolean[] required;
    private final List<String> names;
    private final Constructor<T> constructor;
    private final JsonDeserializer<?>[] values;

    /**
     * @param type the record
     * @param required the properties that a file must give, as the schema says
     */
    ReportingRecordDeserializer(Class<T> type, Set<String> required) {
        this.type = type;
        this.components = type.getRecordComponents();
        this.required = new boolean[components.length];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            indexes.put(components[i].getName(), i);
            this.required[i] = required.contains(components[i].getName());
            parameterTypes[i] = components[i].getType();
        }
        this.names = Arrays.stream(components).map(RecordComponent::getName).sorted().toList();
        try {
            this.constructor = type.getConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type + " has no public canonical constructor", e);
        }
        this.values = new JsonDeserializer<?>[components.length];
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
        for (int i = 0; i < components.length; i++) {
            values[i] = ctxt.findRootValueDeserializer(ctxt.constructType(components[i].getGenericType()));
        }
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        Found found = (Found) ctxt.getAttribute(Found.KEY);
        String path = pathHere(p, found.path);
        JsonToken token = p.currentToken();
        JsonLocation start = p.currentTokenLocation();
        if (token != JsonToken.START_OBJECT && token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT) {
            found.problems.add(found.report.wrongType(start, path, ExpectedValue.of(type), token));
            p.skipChildren();
            return null;
        }
        if (token == JsonToken.START_OBJECT) {
            token = p.nextToken();
        }
        int before = found.problems.size();
        Object[] arguments = new Object[components.length];
        boolean[] broken = new boolean[components.length];
        while (token == JsonToken.FIELD_NAME) {
            JsonStreamContext object = p.getParsingContext();
            String name = p.currentName();
            JsonLocation at = p.currentTokenLocation();
            Integer index = indexes.get(name);
            p.nextToken();
            if (index == null) {
                found.problems.add(found.report.unknownProperty(at, path + "." + name, name, names));
                p.skipChildren();
            } else {
                int problems = found.problems.size();
                arguments[index] = value(p, ctxt, found, index, path + "." + name, object);
                broken[index] = found.problems.size() > problems;
            }
            token = next(p, found, path);
        }
        for (int i = 0; i < components.length; i++) {
            if (required[i] && arguments[i] == null && !broken[i]) {
                found.problems.add(found.report.missing(start, path, components[i].getName()));
            }
        }
        if (found.problems.size() > before) {
            return null;
        }
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] == null && components[i].getType().isPrimitive()) {
                arguments[i] = values[i].getAbsentValue(ctxt);
            }
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            found.problems.add(found.report.refused(start, path, e.getCause()));
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            found.problems.add(found.report.refused(start, path, e));
        }
        return null;
    }

    /** The next name of the object, or its end; a name given twice is reported, and its value skipped. */
    private static JsonToken next(JsonParser p, Found found, String path) throws IOException {
        while (true) {
            try {
                return p.nextToken();
            } catch (JsonParseException e) {
                if (!JsonProblems.isDuplicate(e)) {
                    throw e;
                }
                found.problems.add(found.report.duplicate(e, path));
                p.nextToken();
                p.skipChildren();
            }
        }
    }

    /**
     * The value of one component, or {@code null} when it is {@code null} in the file or has a problem, which is then
     * reported; the parser is left on the value's last token either way.
     */
    private Object value(JsonParser p, DeserializationContext ctxt, Found found, int index, String path,
            JsonStreamContext object) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        String holder = found.path;
        found.path = path;
        try {
            return values[index].deserialize(p, ctxt);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonParseException cause && !JsonProblems.isDuplicate(cause)) {
                throw cause;
            }
            found.problems.add(found.report.mapping(e, path));
        } catch (JsonParseException e) {
            if (!JsonProblems.isDuplicate(e)) {
                throw e;
            }
            found.problems.add(found.report.duplicate(e, path));
        } catch (InputCoercionException e) {
            // A number too large for its field: the JSON is sound, and the reading goes on past it.
            found.problems.add(found.report.outOfRange(e, path));
        } finally {
            found.path = holder;
        }
        // Past whatever is left of the value.
        while (p.getParsingContext() != object) {
            if (p.nextToken() == null) {
                break;
            }
        }
        return null;
    }

    /** The path of the object that starts here: an element of a list adds its index to the list's path. */
    private static String pathHere(JsonParser p, String path) {
        JsonStreamContext context = p.getParsingContext();
        JsonStreamContext parent = context == null ? null : context.getParent();
        if (p.currentToken() == JsonToken.START_OBJECT && parent != null && parent.inArray()) {
            return path + "[" + parent.getCurrentIndex() + "]";
        }
        if (p.currentToken() != JsonToken.START_OBJECT && context != null && context.inArray()) {
            return path + "[" + context.getCurrentIndex() + "]";
        }
        return path;
    }

    @Override
    public Class<?> handledType() {
        return type;
    }
}
