package org.jqsi.server.internal.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.FollowedSource;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.SourcesReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample sources that ship with the server serve with the sample program: what the README's command shows. */
class SampleSourcesTest {

    @Test
    void theSampleSourcesServeWithTheSampleProgram(@TempDir Path copies) throws Exception {
        ProgramValidator validator = new ProgramValidator();
        ProgramReader reader = new ProgramReader(validator);
        List<FollowedSource> sources = new SourcesReader().read(Path.of("sample/sources.json"));
        FollowedSources followed = new FollowedSources(sources, copies, new HttpSourceFetch(Duration.ofSeconds(5),
                HttpSourceFetch.MAX_BYTES), reader, validator, Clock.systemUTC(), Language.EN);
        CurrentProgram program = CurrentProgram.load(new ComposedSource(ProgramFileSource.sample(reader), followed),
                validator, Clock.systemUTC());

        sources.forEach(source -> followed.check(source.id()));
        assertThat(program.reload().applied()).isTrue();

        List<Activity> cs3r = program.get().activities().stream()
                .filter(a -> a.origin().isSource("cs3r-agenda")).toList();
        assertThat(cs3r).extracting(a -> a.title().fr()).containsExactly(
                "Ciné-discussion : agir pour l'égalité", "Cercle de lecture sur la justice climatique");
        // CATEGORIES names the first one's kind; the second takes the source's default.
        assertThat(cs3r).extracting(Activity::kind).containsExactly(ActivityKind.SCREENING, ActivityKind.DISCUSSION);
        SourceHealth sheet = followed.health().get(1);
        assertThat(sheet.id()).isEqualTo("cs3r-tableur");
        assertThat(sheet.state()).as(String.valueOf(sheet.lastError())).isEqualTo("ok");
        assertThat(sheet.activities()).isEqualTo(5);
        assertThat(followed.health().get(0).state()).isEqualTo("ok");
        List<Activity> rows = program.get().activities().stream()
                .filter(a -> a.origin().isSource("cs3r-tableur")).toList();
        assertThat(rows).hasSize(5).allSatisfy(a -> {
            assertThat(a.partnersIn(PartnerRole.ORGANIZER)).contains("cs3r");
            assertThat(a.editionId()).isEqualTo("jqsi-2021");
            assertThat(a.origin().uid()).isEqualTo(a.id());
        });
        assertThat(rows.get(0).title().fr()).isEqualTo("Quiz solidaire : justice climatique");
    }
}
