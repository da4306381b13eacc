package org.jqsi.core.program;

import java.util.List;
import java.util.Optional;
import org.jqsi.core.internal.FoldingSearch;

/**
 * How the text filter of an {@link ActivityQuery} finds activities: what "words that must all appear" means.
 *
 * <p>A {@link Program} gives its search the {@link ActivityText} of every activity once, when it is first asked a
 * text query (programs are immutable, so an index is built once per program version), and then asks the
 * {@link Index} for each query. The index's answer is combined with the query's other filters by the program.
 *
 * <p>jqsi-core's own search is {@link #folding()}: every word of the query must appear in the activity's text,
 * ignoring case, accents, ligatures and apostrophes, as a part of a word ("refugies" finds « réfugiés », "film" finds
 * "films", but "films" does not find "film"). The {@code jqsi-search} module offers one that knows French and
 * English word forms (plurals, feminine forms, elisions) and answers from an inverted index. Give a search to
 * {@link Program#of(org.jqsi.core.model.ProgramData, TextSearch)} or to
 * {@link CurrentProgram#load(ProgramSource, org.jqsi.core.validation.ProgramValidator, TextSearch, java.time.Clock)}.
 *
 * <p>Implementations are immutable and safe for concurrent use, and so are their indexes.
 */
public interface TextSearch {

    /**
     * Prepares the search over one program's activities.
     *
     * @param texts the activities' texts; the position of a text in this list is the position the index answers with
     * @return an index that may keep the list
     */
    Index index(List<ActivityText> texts);

    /** jqsi-core's search: the query's words as parts of the activity's words, folded (see the class comment). */
    static TextSearch folding() {
        return FoldingSearch.INSTANCE;
    }

    /** One program's texts, ready for queries. */
    interface Index {

        /**
         * What a text query finds. The query is {@link ActivityQuery#text()}: stripped, not blank, at most
         * {@link ActivityQuery#MAX_TEXT_LENGTH} characters. A query that holds no word to look for (only
         * punctuation, or only words such as « le » or "the") finds every activity, as no text filter would.
         */
        Found find(String query);
    }

    /** The activities a text query finds, by their positions in the list given to {@link TextSearch#index}. */
    interface Found {

        /** Whether the activity at this position is found. */
        boolean includes(int position);

        /**
         * Every position found, ascending, when the index knows them without looking at each text (an inverted
         * index); empty when finding them means looking at each text, so that the program looks only at the
         * activities its other filters leave. The array may be the index's own: callers read it and never change it.
         */
        Optional<int[]> positions();
    }
}
