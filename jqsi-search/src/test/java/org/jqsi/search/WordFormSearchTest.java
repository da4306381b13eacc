package org.jqsi.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.ActivityText;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.TextSearch;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;

/** What a query finds with French and English word forms (#23), and that the folding search's guarantees hold. */
class WordFormSearchTest {

    private static final List<ActivityText> TEXTS = List.of(
            new ActivityText("Projection du film « Loin de Bachar »", "Screening of the film Loin de Bachar", ""),
            new ActivityText("Table ronde : femmes migrantes et travail", "", "Centre des femmes\nTrois-Rivières"),
            new ActivityText("Conférence sur l'égalité entre les femmes et les hommes", "", ""),
            new ActivityText("Deux courts métrages", "Two short films about refugees", "Les P’tites Vues"),
            new ActivityText("Exposition « Changer le monde, une Œuvre à la fois »", "", "Réseau des réfugiés"),
            new ActivityText("Quiz de la solidarité internationale", "International solidarity quiz", ""));

    private final WordFormSearch search = new WordFormSearch();
    private final TextSearch.Index index = search.index(TEXTS);

    @Test
    void pluralsAndSingularsFindEachOther() {
        assertThat(found("films")).containsExactly(0, 3);
        assertThat(found("film")).containsExactly(0, 3);
        assertThat(found("conférences")).containsExactly(2);
        assertThat(found("conférence")).containsExactly(2);
        assertThat(found("quizzes")).isEqualTo(found("quiz")).containsExactly(5);
    }

    @Test
    void masculineFindsFeminine() {
        assertThat(found("migrants")).containsExactly(1);
        assertThat(found("migrant")).containsExactly(1);
        assertThat(found("internationaux")).containsExactly(5);
    }

    @Test
    void elisionsAreTakenOff() {
        assertThat(found("l'égalité")).containsExactly(2);
        assertThat(found("l’égalité")).containsExactly(2);
        assertThat(found("égalité")).containsExactly(2);
        assertThat(found("d'exposition")).containsExactly(4);
        assertThat(found("l'exposition")).containsExactly(4);
    }

    @Test
    void caseAccentsLigaturesAndApostrophesDoNotMatter() {
        assertThat(found("CONFERENCES")).containsExactly(2);
        assertThat(found("egalite")).containsExactly(2);
        assertThat(found("oeuvre")).containsExactly(4);
        assertThat(found("ŒUVRES")).containsExactly(4);
        assertThat(found("ptites vues")).containsExactly(3);
        assertThat(found("P'tites")).containsExactly(3);
        assertThat(found("Refugies")).containsExactly(4);
    }

    @Test
    void aWordIsReadInBothLanguages() {
        // English words find English texts, French words French texts, whatever the visitor's language.
        assertThat(found("screenings")).containsExactly(0);
        assertThat(found("projections")).containsExactly(0);
        // Read as French, "refugee" is « réfugié » too.
        assertThat(found("refugee")).containsExactly(3, 4);
        assertThat(found("réfugié")).containsExactly(4);
        assertThat(found("solidarity")).containsExactly(5);
        assertThat(found("solidarités")).containsExactly(5);
        // Names are in both: a French word form finds them, and so does an English one.
        assertThat(found("femme")).containsExactly(1, 2);
    }

    @Test
    void everyWordMustBeFound() {
        assertThat(found("femmes migrantes")).containsExactly(1);
        assertThat(found("femmes conférence")).containsExactly(2);
        assertThat(found("films quiz")).isEmpty();
        assertThat(found("réfugiés quiz-inexistant")).isEmpty();
    }

    @Test
    void wordsThatSayNothingAreLeftOut() {
        assertThat(found("la conférence")).containsExactly(2);
        assertThat(found("the films")).containsExactly(0, 3);
        // Nothing left to look for: every activity, as no text filter.
        assertThat(index.find("le la les").includes(3)).isTrue();
        assertThat(index.find("the").positions()).isEmpty();
    }

    @Test
    void wholeWordsOnly() {
        assertThat(found("confer")).isEmpty();
        assertThat(found("migr")).isEmpty();
    }

    @Test
    void theScanOfOneTextAgreesWithTheIndex() {
        for (String query : List.of("films", "l'égalité", "migrants", "the", "oeuvre à la fois", "x y z")) {
            int[] scanned = IntStream.range(0, TEXTS.size()).filter(p -> search.finds(TEXTS.get(p), query))
                    .toArray();
            TextSearch.Found found = index.find(query);
            assertThat(IntStream.range(0, TEXTS.size()).filter(found::includes).toArray()).as(query)
                    .containsExactly(scanned);
        }
    }

    /** On the sample program: what jqsi-core's folding search finds (ProgramQueryTest) is still found. */
    @Test
    void theFoldingSearchGuaranteesHoldOnTheSample() {
        Program program = Program.of(SampleProgram.data(), search);
        assertThat(ids(program, "refugies")).containsExactly(SampleProgram.LOIN_DE_BACHAR, SampleProgram.DHEEPAN);
        assertThat(ids(program, "oeuvre")).containsExactly(SampleProgram.EXHIBITION_OPENING);
        assertThat(ids(program, "ŒUVRE à la FOIS")).containsExactly(SampleProgram.EXHIBITION_OPENING);
        assertThat(ids(program, "  muzna   SYRIE ")).containsExactly(SampleProgram.LOIN_DE_BACHAR);
        assertThat(ids(program, "ptites vues")).containsExactly(SampleProgram.SHORT_FILMS);
        assertThat(ids(program, "P’tites")).containsExactly(SampleProgram.SHORT_FILMS);
        assertThat(ids(program, "egalite femmes")).hasSize(2);
        assertThat(ids(program, "réfugiés quiz-inexistant")).isEmpty();
    }

    /** The example: on the sample, "film" found 3 activities and "films" 1. */
    @Test
    void filmsFindsWhatFilmFindsOnTheSample() {
        Program folding = Program.of(SampleProgram.data());
        assertThat(ids(folding, "films")).hasSize(1);
        Program program = Program.of(SampleProgram.data(), search);
        assertThat(ids(program, "films")).hasSize(3).isEqualTo(ids(program, "film"))
                .isEqualTo(ids(folding, "film"));
        assertThat(ids(program, "l'égalité")).containsExactly(SampleProgram.CECI_DISCUSSION_1,
                SampleProgram.CECI_DISCUSSION_2);
        // The short films' regional coordinator is the Comité de solidarité/Trois-Rivières.
        assertThat(ids(program, "migrations solidarités")).containsExactly(SampleProgram.SHORT_FILMS,
                SampleProgram.MIGRATION_PANEL);
    }

    private int[] found(String query) {
        TextSearch.Found found = index.find(query);
        int[] listed = found.positions().orElseThrow();
        assertThat(IntStream.range(0, TEXTS.size()).filter(found::includes).toArray()).containsExactly(listed);
        return Arrays.copyOf(listed, listed.length);
    }

    private static List<String> ids(Program program, String text) {
        return program.matching(ActivityQuery.builder().text(text).build()).stream().map(a -> a.id()).toList();
    }
}
