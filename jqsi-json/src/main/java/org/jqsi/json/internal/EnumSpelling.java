package org.jqsi.json.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How jqsi spells enum constants, in program files and in the widget's URLs alike: lower case with hyphens
 * ({@code MOVED_ONLINE} is {@code moved-online}), the way JSON formats and URLs usually do. The one place where
 * constants are spelled and read back.
 */
public final class EnumSpelling {

    private EnumSpelling() {
    }

    /** The spelling of a constant: {@code in-person}. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant a person typed, in any case, with hyphens or underscores ({@code In-Person}, {@code IN_PERSON}),
     * surrounding spaces ignored: the widget's URLs and forms are typed and pasted by people. The program file reads
     * only the exact spelling ({@link #form}).
     */
    public static <E extends Enum<E>> Optional<E> readLeniently(Class<E> type, String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
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
