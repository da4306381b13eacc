package org.jqsi.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * A text's words as French and English terms, by Lucene's analysis.
 *
 * <p>Both languages share one front: Unicode word boundaries ({@link StandardTokenizer}), French elisions taken off
 * (« l'égalité » is « égalité »), lower case, apostrophes dropped (« P'tites » is "ptites", as jqsi-core's folding
 * has it), then accents and ligatures folded to ASCII (« Œuvre » is "oeuvre"; folding comes before stemming so that
 * "refugies" and « réfugiés » stem alike). Then the words that say nothing about a topic in either language (« la »,
 * "the"; Lucene's French and English stop words, folded) are left out, and each word is stemmed twice: by the French
 * light stemmer (plurals and feminine forms: « migrantes » and "migrants" are {@code migrant}) and by Porter's
 * English stemmer ("screenings" and "screening" are {@code screen}). The two analyses keep the same words in the same
 * order, so the French and English terms of a query's words pair up one to one.
 */
public final class WordForms {

    /** Straight and typographic apostrophes, and the modifier letter that some keyboards give. */
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘ʼ]");

    private final Analyzer french;
    private final Analyzer english;

    public WordForms() {
        CharArraySet stopWords = foldedStopWords();
        french = analyzer(s -> new FrenchLightStemFilter(new StopFilter(s, stopWords)));
        english = analyzer(s -> new PorterStemFilter(new StopFilter(s, stopWords)));
    }

    /** The French terms of a text, in order, repeats kept. */
    public List<String> french(String text) {
        return terms(french, text);
    }

    /** The English terms of a text, in order, repeats kept. */
    public List<String> english(String text) {
        return terms(english, text);
    }

    /** The distinct French terms of some texts. */
    public Set<String> frenchTerms(String... texts) {
        Set<String> terms = new HashSet<>();
        for (String text : texts) {
            collect(french, text, terms);
        }
        return terms;
    }

    /** The distinct English terms of some texts. */
    public Set<String> englishTerms(String... texts) {
        Set<String> terms = new HashSet<>();
        for (String text : texts) {
            collect(english, text, terms);
        }
        return terms;
    }

    /**
     * The words of a query, each as its French and its English term. A query of stop words only has none.
     */
    public List<Word> words(String query) {
        List<String> fr = french(query);
        List<String> en = english(query);
        if (fr.size() != en.size()) {
            // Cannot happen: both analyses share their tokenizer, filters and stop words, and stemmers keep words.
            throw new IllegalStateException("French and English analyses disagree on the words of: " + query);
        }
        List<Word> words = new ArrayList<>(fr.size());
        for (int i = 0; i < fr.size(); i++) {
            words.add(new Word(fr.get(i), en.get(i)));
        }
        return words;
    }

    /** One word of a query, read as French and as English. */
    public record Word(String french, String english) {
    }

    private static Analyzer analyzer(UnaryOperator<TokenStream> language) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, language.apply(front(tokenizer)));
            }
        };
    }

    private static TokenStream front(Tokenizer tokenizer) {
        TokenStream stream = new ElisionFilter(tokenizer, FrenchAnalyzer.DEFAULT_ARTICLES);
        stream = new LowerCaseFilter(stream);
        stream = new PatternReplaceFilter(stream, APOSTROPHES, "", true);
        return new ASCIIFoldingFilter(stream);
    }

    /** Lucene's French and English stop words, as the front leaves them (« à » is "a", « été » is "ete"). */
    private static CharArraySet foldedStopWords() {
        Analyzer front = analyzer(UnaryOperator.identity());
        CharArraySet folded = new CharArraySet(256, false);
        for (CharArraySet words : List.of(FrenchAnalyzer.getDefaultStopSet(), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)) {
            for (Object word : words) {
                folded.addAll(terms(front, new String((char[]) word)));
            }
        }
        front.close();
        return CharArraySet.unmodifiableSet(folded);
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        collect(analyzer, text, terms);
        return terms;
    }

    private static void collect(Analyzer analyzer, String text, java.util.Collection<String> into) {
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                into.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // Analysis reads from a String: no I/O can fail.
            throw new UncheckedIOException(e);
        }
    }
}
