package org.jqsi.json.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Maps a record from an object that holds some of its components by name, each once and with a value that is not
 * {@code null}, with Jackson's own deserializer for each component's type; and anything else (an unknown name, a name
 * given twice, a {@code null}, a required component left out, a value its deserializer refuses, a record that
 * refuses its values) with {@link NotPlain}, for the reader to read the file again with databind's ordinary
 * deserializers, whose problems say exactly what and where.
 *
 * <p>Why: for a plain activity, databind's property-based creator spends as much on the components the file leaves
 * out ({@code PropertyValueBuffer._findMissing}, a few calls through interfaces for each) and on its general
 * machinery as on the values themselves, on the reading thread that decides how long a read takes. Only for records
 * whose JSON names are their components' names, and whose mix-ins add no more than components that are required.
 *
 * @param <T> the record
 */
final class PlainRecordDeserializer<T extends Record> extends JsonDeserializer<T> implements ResolvableDeserializer {

    /** The object is not plain: read it the ordinary way. Carries no stack trace: it is expected, and only a signal. */
    static final class NotPlain extends MismatchedInputException {
        NotPlain(JsonParser p, Class<?> type) {
            super(p, "not plain: " + type.getSimpleName(), type);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private final Class<T> type;
    private final RecordComponent[] components;
    /** The components' names, interned as Jackson interns the names it reads. */
    private final String[] names;
    private final Map<String, Integer> indexes = new HashMap<>();
    private final boolean[] required;
    private final Constructor<T> constructor;
    private final JsonDeserializer<?>[] values;

    /**
     * @param type the record
     * @param required the components that a file must give, as the record's mix-in says
     */
    PlainRecordDeserializer(Class<T> type, Set<String> required) {
        this.type = type;
        this.components = type.getRecordComponents();
        this.names = new String[components.length];
        this.required = new boolean[components.length];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i] = components[i].getName().intern();
            indexes.put(names[i], i);
            this.required[i] = required.contains(names[i]);
            parameterTypes[i] = components[i].getType();
        }
        if (!indexes.keySet().containsAll(required)) {
            throw new IllegalArgumentException(type + " has no component among " + required);
        }
        try {
            this.constructor = type.getConstructor(parameterTypes);
            // Public, in an exported package: this only spares each call the check of its caller, which walks the
            // stack (up to 3 % of the reading thread's time in wall profiles).
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type + " has no public canonical constructor", e);
        }
        this.values = new JsonDeserializer<?>[components.length];
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
        for (int i = 0; i < components.length; i++) {
            // The root deserializer of a polymorphic type comes with its type deserializer: a schedule's "type".
            values[i] = ctxt.findRootValueDeserializer(ctxt.constructType(components[i].getGenericType()));
        }
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        // A schedule's or place's type deserializer has read up to its "type" already, and calls this after it.
        if (token == JsonToken.START_OBJECT) {
            token = p.nextToken();
        }
        Object[] arguments = new Object[components.length];
        int index = -1;
        for (; token == JsonToken.FIELD_NAME; token = p.nextToken()) {
            index = indexOf(p.currentName(), index + 1);
            // A value already there is a name given twice: no value is null here.
            if (index < 0 || arguments[index] != null || p.nextToken() == JsonToken.VALUE_NULL) {
                throw new NotPlain(p, type);
            }
            arguments[index] = values[index].deserialize(p, ctxt);
        }
        if (token != JsonToken.END_OBJECT) {
            throw new NotPlain(p, type);
        }
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] == null && required[i]) {
                throw new NotPlain(p, type);
            }
            if (arguments[i] == null && components[i].getType().isPrimitive()) {
                // As databind reads a missing primitive with FAIL_ON_NULL_FOR_PRIMITIVES off: an int's 0.
                arguments[i] = values[i].getAbsentValue(ctxt);
            }
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException | InstantiationException | IllegalAccessException
                | IllegalArgumentException e) {
            throw new NotPlain(p, type);
        }
    }

    /**
     * The component of this name, or -1. Files list components in the record's order, leaving some out, so the
     * search starts after the previous one's and compares the canonical strings by identity; a name not canonical
     * (the parser does not intern) is looked up by its value.
     */
    private int indexOf(String name, int from) {
        for (int i = from; i < names.length; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        Integer index = indexes.get(name);
        return index == null ? -1 : index;
    }

    @Override
    public Class<?> handledType() {
        return type;
    }
}
