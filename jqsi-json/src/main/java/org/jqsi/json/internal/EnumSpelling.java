package org.jqsi.json.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the program file spells enum constants: lower case with hyphens ({@code MOVED_ONLINE} is {@code moved-online}),
 * the way JSON formats and URLs usually do.
 */
final class EnumSpelling {

    private EnumSpelling() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(text)) {
                return constant;
            }
        }
        return null;
    }

    /** Every spelling of an enum, in declaration order. */
    static List<String> all(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> of((Enum<?>) c)).toList();
    }

    static <E extends Enum<E>> TextForm<E> form(Class<E> type) {
        return new TextForm<>(type, EnumSpelling::of, text -> parse(type, text));
    }
}
