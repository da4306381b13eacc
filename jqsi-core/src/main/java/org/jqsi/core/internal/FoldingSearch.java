package org.jqsi.core.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jqsi.core.program.ActivityText;
import org.jqsi.core.program.TextSearch;

/**
 * jqsi-core's own text search ({@link TextSearch#folding()}): each word of the query, {@link AccentFolding folded},
 * must appear in the activity's folded text, as a word or a part of one. No index: the texts are folded once, and a
 * query looks only at the activities that the query's other filters leave.
 */
public final class FoldingSearch implements TextSearch {

    public static final FoldingSearch INSTANCE = new FoldingSearch();

    /** Compiled once: {@code String.split} compiles its pattern on every query. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private FoldingSearch() {
    }

    @Override
    public TextSearch.Index index(List<ActivityText> texts) {
        String[] folded = new String[texts.size()];
        for (int i = 0; i < folded.length; i++) {
            ActivityText text = texts.get(i);
            folded[i] = AccentFolding.fold(text.french() + '\n' + text.english() + '\n' + text.names());
        }
        compact(folded);
        return query -> {
            // The words are folded once per query, not once per activity looked at.
            String[] words = Arrays.stream(WHITESPACE.split(AccentFolding.fold(query))).filter(w -> !w.isEmpty())
                    .toArray(String[]::new);
            return new Found() {
                @Override
                public boolean includes(int position) {
                    String haystack = folded[position];
                    for (String word : words) {
                        if (!haystack.contains(word)) {
                            return false;
                        }
                    }
                    return true;
                }

                @Override
                public Optional<int[]> positions() {
                    return Optional.empty();
                }
            };
        };
    }

    /**
     * Copies the folded texts so that they lie one after another in memory. Folding leaves ~1 KB of garbage between
     * two texts it returns; a query reads every text the other filters leave, and over texts spread that way it took
     * 2.5-3.5 times as long (23-26 ms against 7-9 ms for 100,000 activities, jqsi-bench's
     * {@code QueryBenchmark.textIndexed}) until a garbage collection happened to move them together. Copied right
     * after one another, each text and its bytes are the only things allocated in turn.
     */
    private static void compact(String[] texts) {
        String all = String.join("", texts);
        int start = 0;
        for (int i = 0; i < texts.length; i++) {
            int end = start + texts[i].length();
            texts[i] = all.substring(start, end);
            start = end;
        }
    }

    @Override
    public String toString() {
        return "TextSearch.folding()";
    }
}
