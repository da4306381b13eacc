package org.jqsi.search;

import java.util.List;
import java.util.Set;
import org.jqsi.core.program.ActivityText;
import org.jqsi.core.program.TextSearch;
import org.jqsi.search.internal.WordForms;
import org.jqsi.search.internal.WordIndex;

/**
 * A text search that knows French and English word forms, for {@link org.jqsi.core.program.ActivityQuery#text()}:
 * "films" finds "film", "migrants" finds « migrantes », « conférences » finds "conférence", « l'égalité » finds
 * « égalité », and, as jqsi-core's {@link TextSearch#folding() folding} search, case, accents, ligatures and
 * apostrophes do not matter ("refugies" finds « Réfugiés », "oeuvre" finds « Œuvre », "ptites" finds « P'tites »).
 *
 * <p>Each word of a query is read both as French and as English, whatever the visitor's language: it finds an
 * activity whose French texts (title, description) or names (people, partners, venue, municipality, region) hold the
 * same French word form, or whose English texts or names hold the same English one. An activity is found when every
 * word of the query finds it. Words are whole words: "confer" does not find « conférence » (the folding search finds
 * parts of words). Words that say nothing about a topic (« le », « des », "the", "and": Lucene's French and English
 * stop words) are left out of the query; a query of such words only finds every activity.
 *
 * <p>The analysis is Lucene's: Unicode word boundaries, French elisions, ASCII folding, the French light stemmer
 * (Jacques Savoy's, as in Lucene's {@code FrenchAnalyzer}) and Porter's English stemmer (as in {@code EnglishAnalyzer}).
 * A program's index, built on its first text query, maps each word form to the positions of the activities that hold
 * it; a query intersects a few sorted lists (microseconds on 100,000 activities) where a scan would analyse every
 * activity again.
 *
 * <p>Immutable and safe for concurrent use; so are the indexes it builds.
 */
public final class WordFormSearch implements TextSearch {

    // Made on first use: a server that is never asked a text query does not load Lucene.
    private volatile WordForms forms;

    /** The search; it holds only its analysers, made on first use, so one serves every program. */
    public WordFormSearch() {
    }

    @Override
    public TextSearch.Index index(List<ActivityText> texts) {
        return new WordIndex(forms(), texts);
    }

    /**
     * Whether a query finds one activity's text, worked out from the text alone, without an index: what the index
     * answers for it, at the cost of analysing the text (for tests and benchmarks that check the index against a
     * scan).
     *
     * @param text an activity's text
     * @param query a query, as {@link TextSearch.Index#find} takes it
     */
    public boolean finds(ActivityText text, String query) {
        WordForms analysis = forms();
        List<WordForms.Word> words = analysis.words(query);
        if (words.isEmpty()) {
            return true;
        }
        Set<String> french = analysis.frenchTerms(text.french(), text.names());
        Set<String> english = analysis.englishTerms(text.english(), text.names());
        for (WordForms.Word word : words) {
            if (!french.contains(word.french()) && !english.contains(word.english())) {
                return false;
            }
        }
        return true;
    }

    private WordForms forms() {
        WordForms made = forms;
        if (made == null) {
            synchronized (this) {
                made = forms;
                if (made == null) {
                    made = new WordForms();
                    forms = made;
                }
            }
        }
        return made;
    }

    @Override
    public String toString() {
        return "WordFormSearch[French and English, Lucene analysis]";
    }
}
