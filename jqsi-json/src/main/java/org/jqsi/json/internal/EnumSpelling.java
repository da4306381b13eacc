package org.jqsi.json.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** Every spelling of an enum, in declaration order. */
    static List<String> all(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> of((Enum<?>) c)).toList();
    }

    /**
     * The text form of an enum. Its spellings are looked up in a map made once: spelling every constant again for each
     * value read took about 4 % of the time to read a 10,000-activity program file.
     */
    static <E extends Enum<E>> TextForm<E> form(Class<E> type) {
        Map<String, E> bySpelling = new HashMap<>();
        for (E constant : type.getEnumConstants()) {
            bySpelling.put(of(constant), constant);
        }
        Map<String, E> spellings = Map.copyOf(bySpelling);
        return new TextForm<>(type, EnumSpelling::of, spellings::get);
    }
}
