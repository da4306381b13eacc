package org.jqsi.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
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
 * English stemmer ("screenings" and "screening" are {@code screen}). Tokenizing once and stemming each distinct word
 * once (a program's words repeat) keeps building an index cheap.
 */
public final class WordForms {

    /** Straight and typographic apostrophes, and the modifier letter that some keyboards give. */
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘ʼ]");

    private final Analyzer words;
    private final Analyzer french;
    private final Analyzer english;

    public WordForms() {
        CharArraySet stopWords = foldedStopWords();
        words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new StopFilter(front(tokenizer), stopWords));
            }
        };
        french = stemmer(FrenchLightStemFilter::new);
        english = stemmer(PorterStemFilter::new);
    }

    /**
     * The words of a text, in order, repeats kept, each as its French and its English term. A text of stop words
     * only has none.
     */
    public List<Word> words(String text) {
        return words(text, new HashMap<>());
    }

    /**
     * As {@link #words(String)}, stemming each distinct word once: {@code stems} keeps the words already stemmed
     * (one map for all the texts of a program, whose words repeat).
     */
    public List<Word> words(String text, Map<String, Word> stems) {
        List<Word> out = new ArrayList<>();
        try (TokenStream stream = words.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(stems.computeIfAbsent(term.toString(), this::stem));
            }
            stream.end();
        } catch (IOException e) {
            // Analysis reads from a String: no I/O can fail.
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The distinct French terms of some texts. */
    public Set<String> frenchTerms(String... texts) {
        Set<String> terms = new HashSet<>();
        for (String text : texts) {
            words(text).forEach(w -> terms.add(w.french()));
        }
        return terms;
    }

    /** The distinct English terms of some texts. */
    public Set<String> englishTerms(String... texts) {
        Set<String> terms = new HashSet<>();
        for (String text : texts) {
            words(text).forEach(w -> terms.add(w.english()));
        }
        return terms;
    }

    /** One word, as the front leaves it, read as French and as English. */
    public record Word(String french, String english) {
    }

    private Word stem(String word) {
        return new Word(only(french, word), only(english, word));
    }

    /** The one term a stemmer makes of one word. */
    private static String only(Analyzer stemmer, String word) {
        try (TokenStream stream = stemmer.tokenStream("", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String stemmed = stream.incrementToken() ? term.toString() : word;
            stream.end();
            return stemmed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stemmer of single words, as the front gives them. */
    private static Analyzer stemmer(UnaryOperator<TokenStream> filter) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new KeywordTokenizer();
                return new TokenStreamComponents(tokenizer, filter.apply(tokenizer));
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
        Analyzer front = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, front(tokenizer));
            }
        };
        CharArraySet folded = new CharArraySet(256, false);
        for (CharArraySet list : List.of(FrenchAnalyzer.getDefaultStopSet(), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)) {
            for (Object word : list) {
                try (TokenStream stream = front.tokenStream("", new String((char[]) word))) {
                    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                    stream.reset();
                    while (stream.incrementToken()) {
                        folded.add(term.toString());
                    }
                    stream.end();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        front.close();
        return CharArraySet.unmodifiableSet(folded);
    }
}
