package org.jqsi.core.internal.model;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jqsi.core.model.Activity;

/**
 * The model's types that a program's elements can hold, found by walking their record components: component types,
 * the element types of their lists, and the permitted subtypes of sealed interfaces (a {@code Place} is a venue,
 * online or both). Hibernate Validator's predefined scope validates only the types it was given, so the list must
 * follow the model by itself instead of being written down and forgotten when a record is added.
 */
public final class ModelTypes {

    private static final Package MODEL = Activity.class.getPackage();

    private ModelTypes() {
    }

    /** The given types and every model type reachable from them, in the order they were found. */
    public static Set<Class<?>> reachableFrom(Class<?>... roots) {
        Set<Class<?>> found = new LinkedHashSet<>();
        Deque<Type> toVisit = new ArrayDeque<>(List.of(roots));
        while (!toVisit.isEmpty()) {
            Type type = toVisit.pop();
            if (type instanceof ParameterizedType parameterized) {
                toVisit.push(parameterized.getRawType());
                List.of(parameterized.getActualTypeArguments()).forEach(toVisit::push);
            } else if (type instanceof Class<?> c && c.getPackage() == MODEL && found.add(c)) {
                visitParts(c, toVisit);
            }
        }
        return found;
    }

    private static void visitParts(Class<?> type, Deque<Type> toVisit) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                toVisit.push(component.getGenericType());
            }
        }
        if (type.isSealed()) {
            List.of(type.getPermittedSubclasses()).forEach(toVisit::push);
        }
    }
}
