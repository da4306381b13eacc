package org.jqsi.core.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.validation.ControlCharacters;

/**
 * Every text of an element of a program, found by walking its record components (nested records, the members of
 * sealed interfaces, lists of either), each checked by {@link ControlCharacters}. Walking the records rather than
 * annotating their fields puts the rule on a field added tomorrow too, and on those no constraint names (an edition's
 * {@code coordinatorId}, a to-be-announced schedule's note).
 *
 * <p>The components that may hold a text are found once per record type; values the walk does not enter (enums,
 * dates, zones, web addresses, numbers) cost nothing. An element is walked a second time, building paths, only when
 * the first walk found a refused character: the paths are built in one buffer, and made a string only for a problem.
 */
final class RecordTexts {

    private static final Package MODEL = Activity.class.getPackage();

    /** The components of a model record that may hold a text, by type; none for any other type. */
    private static final ClassValue<List<Part>> PARTS = new ClassValue<>() {
        @Override
        protected List<Part> computeValue(Class<?> type) {
            return partsOf(type);
        }
    };

    /** A record component that may hold a text, and how to read it. */
    private record Part(String name, MethodHandle accessor) {
    }

    private final StringBuilder path = new StringBuilder(64);
    private final RuleFindings found;

    private RecordTexts(RuleFindings found) {
        this.found = found;
    }

    /** Checks every text of a model record, its problems put under {@code path}, into {@code found}. */
    static void check(String path, Object element, RuleFindings found) {
        // Most elements hold no such character: they pay for a walk that builds no path.
        if (holdsRefused(element)) {
            RecordTexts walk = new RecordTexts(found);
            walk.path.append(path);
            walk.visit(element);
        }
    }

    private static boolean holdsRefused(Object value) {
        if (value instanceof String text) {
            return ControlCharacters.firstRefused(text) >= 0;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (holdsRefused(list.get(i))) {
                    return true;
                }
            }
            return false;
        }
        if (value != null) {
            for (Part part : PARTS.get(value.getClass())) {
                if (holdsRefused(read(part, value))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void visit(Object value) {
        if (value instanceof String text) {
            ControlCharacters.check(path.toString(), text).ifPresent(found::add);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                int back = path.length();
                path.append('[').append(i).append(']');
                visit(list.get(i));
                path.setLength(back);
            }
        } else if (value != null) {
            for (Part part : PARTS.get(value.getClass())) {
                int back = path.length();
                path.append('.').append(part.name());
                visit(read(part, value));
                path.setLength(back);
            }
        }
    }

    private static Object read(Part part, Object record) {
        try {
            return (Object) part.accessor().invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            // A record's accessor declares no checked exception.
            throw new IllegalStateException(e);
        }
    }

    private static List<Part> partsOf(Class<?> type) {
        if (!type.isRecord() || type.getPackage() != MODEL) {
            return List.of();
        }
        List<Part> parts = new ArrayList<>();
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (RecordComponent component : type.getRecordComponents()) {
            if (mayHoldText(component.getGenericType())) {
                try {
                    Method accessor = component.getAccessor();
                    // jqsi-core reads its own records, public or not.
                    accessor.setAccessible(true);
                    MethodHandle handle = lookup.unreflect(accessor)
                            .asType(MethodType.methodType(Object.class, Object.class));
                    parts.add(new Part(component.getName(), handle));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(parts);
    }

    /** Whether a value of this declared type can be or hold a text: a string, a model record or interface, lists. */
    private static boolean mayHoldText(Type type) {
        if (type == String.class) {
            return true;
        }
        if (type instanceof ParameterizedType parameterized) {
            return parameterized.getRawType() == List.class
                    && List.of(parameterized.getActualTypeArguments()).stream().anyMatch(RecordTexts::mayHoldText);
        }
        return type instanceof Class<?> c && c.getPackage() == MODEL && (c.isRecord() || c.isInterface());
    }
}
