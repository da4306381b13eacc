package org.jqsi.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.Person;
import org.jqsi.core.model.PersonRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Price;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Theme;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The control characters no text may hold ({@link ControlCharacters}): each refused range at its edges, the characters
 * that look alike but are allowed, and the rule reaching every text of a program, however deep.
 */
class ControlCharactersTest {

    private static final ProgramValidator VALIDATOR = new ProgramValidator();

    /** The sample with its second activity (Loin de Bachar) changed. */
    private static ProgramData withLoinDeBachar(UnaryOperator<Activity.Builder> change) {
        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        activities.set(1, change.apply(activities.get(1).toBuilder()).build());
        return new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities);
    }

    private static List<Problem> controlProblems(ProgramData data) {
        return VALIDATOR.validate(data).problems().stream()
                .filter(p -> p.code().equals("text.control-character")).toList();
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({
        "0000, U+0000", "0008, U+0008", "000B, U+000B", "001F, U+001F", "001B, U+001B", "0007, U+0007",
        "007F, U+007F", "0080, U+0080", "009F, U+009F",
        "202A, U+202A", "202E, U+202E", "2066, U+2066", "2069, U+2069"})
    void eachRefusedRangeIsRefusedAtItsEdgesWithTheCharacterAndItsPlace(String hex, String named) {
        char c = (char) Integer.parseInt(hex, 16);

        List<Problem> found = controlProblems(withLoinDeBachar(b -> b.title(LocalizedText.fr("Loin de" + c + "Bachar"))));

        assertThat(found).hasSize(1);
        Problem problem = found.get(0);
        assertThat(problem.severity()).isEqualTo(Severity.ERROR);
        assertThat(problem.where()).isEqualTo("activities[1].title.fr");
        assertThat(problem.message(Language.EN))
                .isEqualTo("character 8 is " + named + ", a control character, which a text cannot hold: remove it");
        assertThat(problem.message(Language.FR)).isEqualTo(
                "le caractère 8 est " + named + ", un caractère de contrôle, qu'un texte ne peut pas contenir : retirez-le");
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({
        "000A", "0009", "000D", "0020", "007E", "00A0", "00E9", "200E", "200F", "2029", "202F", "2065", "206A",
        "FEFF"})
    void lineBreaksTabsAccentsAndTheDirectionMarksAreAllowed(String hex) {
        char c = (char) Integer.parseInt(hex, 16);

        assertThat(controlProblems(withLoinDeBachar(b -> b.title(LocalizedText.of("Loin de" + c + "Bachar",
                "Far from" + c + "Bashar"))))).isEmpty();
        assertThat(ControlCharacters.isRefused(c)).isFalse();
    }

    @Test
    void emojiAndArabicWithItsMarksAreAllowed() {
        String text = "Soirée 🎬 « ‎مساء الخير‎ » \uD83C\uDDF5\uD83C\uDDF8\nligne\tdeux";

        assertThat(controlProblems(withLoinDeBachar(b -> b.title(LocalizedText.fr(text))))).isEmpty();
        assertThat(ControlCharacters.firstRefused(text)).isEqualTo(-1);
    }

    @Test
    void thePlaceIsCountedInCharactersAsPeopleCountThemAndOnlyTheFirstIsReported() {
        String text = "🎬🎬é\u001b[2K\u0007";

        Problem problem = ControlCharacters.check("submitter.organisation", text).orElseThrow();

        assertThat(problem.where()).isEqualTo("submitter.organisation");
        assertThat(problem.code()).isEqualTo("text.control-character");
        assertThat(problem.message(Language.EN))
                .isEqualTo("character 4 is U+001B, a control character, which a text cannot hold: remove it");
        assertThat(ControlCharacters.firstRefused(text)).isEqualTo(5);
        assertThat(ControlCharacters.check("x", null)).isEmpty();
        assertThat(ControlCharacters.check("x", "")).isEmpty();
    }

    @Test
    void everyTextOfAnActivityIsCheckedAtItsPathHoweverDeep() {
        String bad = "x\u001by";
        Place.Venue venue = new Place.Venue(bad, new Address("1 rue " + bad, "Trois-Rivières", null), null);
        Place.Online online = new Place.Online(URI.create("https://stream.example/"), OnlinePlatform.WEBSITE, bad);

        List<Problem> found = controlProblems(withLoinDeBachar(b -> b
                .title(LocalizedText.of("Loin de Bachar", bad))
                .description(LocalizedText.fr(bad))
                .place(new Place.Hybrid(venue, online))
                .people(List.of(new Person("Ann", PersonRole.SPEAKER, LocalizedText.fr("ok")),
                        new Person("Bo", PersonRole.SPEAKER, LocalizedText.of("ok", bad))))
                .admission(new Admission(List.of(new Price(BigDecimal.TEN, LocalizedText.fr(bad)))))
                .themeTags(List.of("ok", bad))));

        assertThat(found).extracting(Problem::where).containsExactlyInAnyOrder(
                "activities[1].title.en",
                "activities[1].description.fr",
                "activities[1].place.venue.name",
                "activities[1].place.venue.address.street",
                "activities[1].place.online.hostPartnerId",
                "activities[1].people[1].description.en",
                "activities[1].admission.prices[0].label.fr",
                "activities[1].themeTags[1]");
    }

    @Test
    void aScheduleToBeAnnouncedHasItsNoteChecked() {
        List<Problem> found = controlProblems(withLoinDeBachar(b -> b
                .schedule(new Schedule.ToBeAnnounced(LocalizedText.fr("à l\u202Eautomne")))));

        assertThat(found).extracting(Problem::where).containsExactly("activities[1].schedule.note.fr");
    }

    @Test
    void editionsAndPartnersHaveTheirTextsCheckedToo() {
        List<Edition> editions = new ArrayList<>(SampleProgram.editions());
        Edition first = editions.get(0);
        editions.set(0, new Edition(first.id(), first.number(), first.year(), first.start(), first.end(),
                new Theme(LocalizedText.fr("Justice\u0085migratoire"), null, List.of()), first.format(),
                List.of(new Person("La\u009bBronze", PersonRole.SPOKESPERSON, null)), "aqoci\u0000",
                first.regionalCoordinators()));
        List<Partner> partners = new ArrayList<>(SampleProgram.partners());
        Partner partner = partners.get(2);
        partners.set(2, new Partner(partner.id(), LocalizedText.fr("Comité\u2066"), "CS\u007f3R", partner.kind(),
                partner.website()));

        List<Problem> found = controlProblems(new ProgramData(editions, partners, SampleProgram.activities()));

        assertThat(found).extracting(Problem::where).containsExactlyInAnyOrder(
                "editions[0].theme.title.fr",
                "editions[0].spokespersons[0].name",
                "editions[0].coordinatorId",
                "partners[2].name.fr",
                "partners[2].acronym");
    }

    @Test
    void aStreamedValidationFindsThemAsTheWholeOneDoes() {
        ProgramData data = withLoinDeBachar(b -> b.title(LocalizedText.fr("Loin\u001b]0;PWNED\u0007")));

        ElementChecks checks = VALIDATOR.beginStreaming();
        for (int i = 0; i < data.editions().size(); i++) {
            checks.edition(i, data.editions().get(i));
        }
        for (int i = 0; i < data.partners().size(); i++) {
            checks.partner(i, data.partners().get(i));
        }
        for (int i = 0; i < data.activities().size(); i++) {
            checks.activity(i, data.activities().get(i));
        }

        assertThat(checks.finishStreamed().errors()).extracting(Problem::where, Problem::code)
                .contains(org.assertj.core.api.Assertions.tuple("activities[1].title.fr", "text.control-character"));
    }
}
