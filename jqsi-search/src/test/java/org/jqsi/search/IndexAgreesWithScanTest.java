package org.jqsi.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.ActivityText;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.GeneratedProgram;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.search.internal.WordForms;
import org.junit.jupiter.api.Test;

/**
 * The inverted index finds what a linear scan finds when it analyses every activity's text the same way
 * ({@link WordForms}, as {@link WordFormSearch#finds} does; each activity's terms worked out once for the 400
 * queries, to keep the test short), on 400 random queries: words taken from the program's texts and changed as people
 * type them (case, accents, plurals, elisions), words found nowhere, stop words, with and without other filters
 * (region, kind, edition, dates: the index's list of positions is then cut by time and checked against the rest).
 */
class IndexAgreesWithScanTest {

    private static final String[] NOISE = {"le", "the", "des", "and", "quiz-inexistant", "zzz", "à", "of", "2021",
        "l'", "Films", "conférences", "migrants", "réfugié"};

    @Test
    void onFourHundredRandomQueries() {
        ProgramData generated = GeneratedProgram.of(3000, 23);
        ProgramData sample = SampleProgram.data();
        List<Partner> partners = new ArrayList<>(generated.partners());
        partners.addAll(sample.partners());
        List<Activity> activities = new ArrayList<>(generated.activities());
        activities.addAll(sample.activities());
        // The sample's editions, 2020 and 2021, are among the generated ones.
        ProgramData data = new ProgramData(generated.editions(), partners, activities);

        WordFormSearch search = new WordFormSearch();
        Program program = Program.of(data, search);
        Program withoutText = Program.of(data);
        List<String> vocabulary = vocabulary(data, program);
        WordForms forms = new WordForms();
        Map<String, Terms> terms = new HashMap<>();
        for (Activity a : activities) {
            ActivityText text = ActivityText.of(a, program::partner);
            terms.put(a.id(), new Terms(forms.frenchTerms(text.french(), text.names()),
                    forms.englishTerms(text.english(), text.names())));
        }
        Random random = new Random(2311);
        int withResults = 0;
        int combined = 0;
        for (int i = 0; i < 400; i++) {
            String text = query(random, vocabulary);
            ActivityQuery.Builder builder = ActivityQuery.builder().text(text);
            boolean filtered = random.nextBoolean();
            if (filtered) {
                combined++;
                switch (random.nextInt(4)) {
                    case 0 -> builder.region(Region.values()[random.nextInt(Region.values().length)]);
                    case 1 -> builder.kind(ActivityKind.values()[random.nextInt(ActivityKind.values().length)]);
                    case 2 -> builder.edition("jqsi-" + (2019 + random.nextInt(5)));
                    default -> {
                        LocalDate from = LocalDate.of(2019 + random.nextInt(5), 11, 1 + random.nextInt(28));
                        builder.between(from, from.plusDays(random.nextInt(5)));
                    }
                }
            }
            ActivityQuery query = builder.build();
            ActivityQuery others = query.toBuilder().text(null).build();
            List<WordForms.Word> words = forms.words(query.text());
            List<String> scanned = withoutText.matching(others).stream()
                    .filter(a -> terms.get(a.id()).holdAll(words))
                    .map(Activity::id).toList();
            List<String> indexed = program.matching(query).stream().map(Activity::id).toList();
            assertThat(indexed).as("query %s", query).isEqualTo(scanned);
            assertThat(program.query(query).total()).isEqualTo(scanned.size());
            if (!scanned.isEmpty()) {
                withResults++;
            }
        }
        // The comparison means something: many queries find activities, with and without other filters.
        assertThat(withResults).isGreaterThan(80);
        assertThat(combined).isGreaterThan(150);
    }

    /** An activity's French and English terms. */
    private record Terms(Set<String> french, Set<String> english) {
        boolean holdAll(List<WordForms.Word> words) {
            return words.stream().allMatch(w -> french.contains(w.french()) || english.contains(w.english()));
        }
    }

    /** Every word of the program's texts, as written. */
    private static List<String> vocabulary(ProgramData data, Program program) {
        List<String> words = new ArrayList<>();
        for (Activity a : data.activities()) {
            ActivityText text = ActivityText.of(a, program::partner);
            for (String part : (text.french() + " " + text.english() + " " + text.names()).split("[\\s,.:;«»“”()]+")) {
                if (!part.isBlank()) {
                    words.add(part);
                }
            }
        }
        return words.stream().distinct().sorted().toList();
    }

    /** One to three words, each from the program or the noise, some changed as people type them. */
    private static String query(Random random, List<String> vocabulary) {
        int count = 1 + random.nextInt(3);
        StringBuilder query = new StringBuilder();
        for (int w = 0; w < count; w++) {
            String word = random.nextInt(6) == 0 ? NOISE[random.nextInt(NOISE.length)]
                    : vocabulary.get(random.nextInt(vocabulary.size()));
            switch (random.nextInt(7)) {
                case 0 -> word = word.toUpperCase(Locale.ROOT);
                case 1 -> word = Normalizer.normalize(word, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
                case 2 -> word = word + "s";
                case 3 -> word = "l'" + word;
                case 4 -> word = word.endsWith("s") ? word.substring(0, word.length() - 1) : word + "es";
                default -> {
                    // as written
                }
            }
            query.append(w == 0 ? "" : " ").append(word);
        }
        String text = query.toString();
        return text.length() > ActivityQuery.MAX_TEXT_LENGTH ? text.substring(0, ActivityQuery.MAX_TEXT_LENGTH) : text;
    }
}
