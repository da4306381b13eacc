package org.jqsi.search.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jqsi.core.program.ActivityText;
import org.jqsi.core.program.TextSearch;

/**
 * An inverted index of a program's activities by their French and English terms ({@link WordForms}): for each term,
 * the positions of the activities that hold it, ascending.
 *
 * <p>An activity's French terms come from its French texts and its names, its English terms from its English texts
 * and its names. A word of a query finds the activities that hold it read as French among their French terms, or read
 * as English among their English terms; a query finds those that every one of its words finds. Results come out in
 * positions, not by relevance (the program sorts them by date), so the index is plain posting lists: no scores, no
 * segments to merge, nothing on disk.
 */
public final class WordIndex implements TextSearch.Index {

    private static final int[] NONE = new int[0];

    private final WordForms forms;
    private final Map<String, int[]> french;
    private final Map<String, int[]> english;

    public WordIndex(WordForms forms, List<ActivityText> texts) {
        this.forms = forms;
        Map<String, Positions> fr = new HashMap<>();
        Map<String, Positions> en = new HashMap<>();
        Map<String, WordForms.Word> stems = new HashMap<>();
        Set<String> frTerms = new HashSet<>();
        Set<String> enTerms = new HashSet<>();
        for (int p = 0; p < texts.size(); p++) {
            ActivityText text = texts.get(p);
            frTerms.clear();
            enTerms.clear();
            forms.words(text.french(), stems).forEach(w -> frTerms.add(w.french()));
            forms.words(text.english(), stems).forEach(w -> enTerms.add(w.english()));
            for (WordForms.Word word : forms.words(text.names(), stems)) {
                frTerms.add(word.french());
                enTerms.add(word.english());
            }
            // Each term once per activity, positions added in order: every list comes out ascending.
            for (String term : frTerms) {
                fr.computeIfAbsent(term, t -> new Positions()).add(p);
            }
            for (String term : enTerms) {
                en.computeIfAbsent(term, t -> new Positions()).add(p);
            }
        }
        french = frozen(fr);
        english = frozen(en);
    }

    @Override
    public TextSearch.Found find(String query) {
        List<WordForms.Word> words = forms.words(query);
        if (words.isEmpty()) {
            return Everything.INSTANCE;
        }
        int[][] each = new int[words.size()][];
        for (int i = 0; i < each.length; i++) {
            WordForms.Word word = words.get(i);
            each[i] = union(french.getOrDefault(word.french(), NONE), english.getOrDefault(word.english(), NONE));
        }
        // The shortest list first: each intersection is then at most as long as it.
        Arrays.sort(each, Comparator.comparingInt(list -> list.length));
        int[] found = each[0];
        for (int i = 1; i < each.length && found.length > 0; i++) {
            found = intersection(found, each[i]);
        }
        return new Listed(found);
    }

    static int[] union(int[] a, int[] b) {
        if (a.length == 0) {
            return b;
        }
        if (b.length == 0) {
            return a;
        }
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                out[n++] = a[i++];
            } else if (a[i] > b[j]) {
                out[n++] = b[j++];
            } else {
                out[n++] = a[i++];
                j++;
            }
        }
        while (i < a.length) {
            out[n++] = a[i++];
        }
        while (j < b.length) {
            out[n++] = b[j++];
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    static int[] intersection(int[] shorter, int[] longer) {
        int[] out = new int[shorter.length];
        int n = 0;
        int j = 0;
        for (int value : shorter) {
            // Gallop through the longer list: a few common words hold most activities.
            j = seek(longer, j, value);
            if (j == longer.length) {
                break;
            }
            if (longer[j] == value) {
                out[n++] = value;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The first index at or after {@code from} whose value is at least {@code value}, or the list's length. */
    static int seek(int[] list, int from, int value) {
        if (from >= list.length || list[from] >= value) {
            return from;
        }
        // list[lo] < value throughout; the step doubles until list[hi] >= value or hi passes the end.
        int lo = from;
        int step = 1;
        int hi = from + 1;
        while (hi < list.length && list[hi] < value) {
            lo = hi;
            step <<= 1;
            hi = lo + step;
        }
        int i = Arrays.binarySearch(list, lo + 1, Math.min(hi + 1, list.length), value);
        return i >= 0 ? i : -i - 1;
    }

    private static Map<String, int[]> frozen(Map<String, Positions> lists) {
        Map<String, int[]> out = new HashMap<>(lists.size() * 2);
        lists.forEach((term, positions) -> out.put(term, positions.toArray()));
        return out;
    }

    /** The answer of a query with words: the positions found. */
    private record Listed(int[] found) implements TextSearch.Found {

        @Override
        public boolean includes(int position) {
            return Arrays.binarySearch(found, position) >= 0;
        }

        @Override
        public Optional<int[]> positions() {
            return Optional.of(found);
        }
    }

    /** The answer of a query without a word to look for: every activity, as no text filter. */
    private enum Everything implements TextSearch.Found {
        INSTANCE;

        @Override
        public boolean includes(int position) {
            return true;
        }

        @Override
        public Optional<int[]> positions() {
            return Optional.empty();
        }
    }

    /** A growable list of positions, without boxing them. */
    private static final class Positions {
        private int[] values = new int[4];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
