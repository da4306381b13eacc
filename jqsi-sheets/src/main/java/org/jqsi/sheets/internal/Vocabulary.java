package org.jqsi.sheets.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jqsi.core.model.Language;

/**
 * The words a cell may hold for the values of an enum: a French label, an English one, other words organisers use,
 * and the program file's code ({@code moved-online}); matched as headers are ({@link Headers#fold}). The template
 * writes the labels.
 *
 * @param <E> the enum
 */
final class Vocabulary<E extends Enum<E>> {

    private final Map<String, E> byWord = new HashMap<>();
    private final Map<E, String[]> labels;
    private final List<E> order = new ArrayList<>();

    private Vocabulary(Class<E> type) {
        this.labels = new EnumMap<>(type);
    }

    static <E extends Enum<E>> Vocabulary<E> of(Class<E> type) {
        return new Vocabulary<>(type);
    }

    /** A value with its French and English labels, then the other words for it. */
    Vocabulary<E> word(E value, String fr, String en, String... others) {
        labels.put(value, new String[] {fr, en});
        order.add(value);
        put(fr, value);
        put(en, value);
        put(value.name().toLowerCase(Locale.ROOT).replace('_', '-'), value);
        for (String other : others) {
            put(other, value);
        }
        return this;
    }

    private void put(String word, E value) {
        E before = byWord.put(Headers.fold(word), value);
        if (before != null && before != value) {
            throw new IllegalStateException(word + " means both " + before + " and " + value);
        }
    }

    /** The value a cell's text names, if any. */
    Optional<E> find(String text) {
        return Optional.ofNullable(byWord.get(Headers.fold(text)));
    }

    /** The value's label in a language. */
    String label(E value, Language language) {
        return labels.get(value)[language == Language.FR ? 0 : 1];
    }

    /** Every label in a language, for messages: « conférence, projection, concert… ». */
    String choices(Language language) {
        return String.join(", ", order.stream().map(v -> label(v, language)).toList());
    }
}
