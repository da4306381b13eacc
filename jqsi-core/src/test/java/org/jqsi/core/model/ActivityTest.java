package org.jqsi.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;

class ActivityTest {

    @Test
    void theBuilderNamesTheFirstMissingRequiredPart() {
        assertThatNullPointerException().isThrownBy(() -> Activity.builder("x").build()).withMessage("editionId");
        assertThatNullPointerException().isThrownBy(() -> Activity.builder("x").edition("jqsi-2020").build())
                .withMessage("kind");
        assertThatNullPointerException().isThrownBy(() -> Activity.builder("x").edition("e")
                .kind(ActivityKind.QUIZ).title(LocalizedText.fr("Quiz")).build()).withMessage("schedule");
    }

    @Test
    void listsAreCopiedAndCannotBeChanged() {
        List<Person> people = new ArrayList<>(List.of(Person.of("La Bronze", PersonRole.HOST)));
        Activity activity = SampleProgram.migrationPanel().toBuilder().people(people).build();
        people.clear();

        assertThat(activity.people()).hasSize(1);
        assertThatThrownBy(() -> activity.people().add(Person.of("X", PersonRole.HOST)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void answersWhatTheWidgetAsks() {
        Activity loinDeBachar = SampleProgram.loinDeBachar();
        Activity dheepan = SampleProgram.dheepan();
        Activity panel = SampleProgram.migrationPanel();

        assertThat(loinDeBachar.isFree()).isTrue();
        assertThat(loinDeBachar.requiresRegistration()).isFalse();
        assertThat(dheepan.requiresRegistration()).isTrue();
        // Admission not announced is not free.
        assertThat(panel.isFree()).isFalse();
        assertThat(panel.attendanceMode()).contains(AttendanceMode.ONLINE);
        assertThat(panel.partnersIn(PartnerRole.BROADCASTER)).containsExactly("aqoci");
        assertThat(panel.peopleIn(PersonRole.SPEAKER)).extracting(Person::name)
                .containsExactly("Marie-Claire Rufagari", "Ndioro Ndiaye");
        assertThat(loinDeBachar.status()).isEqualTo(Status.SCHEDULED);
    }

    @Test
    void toBuilderKeepsEverything() {
        Activity panel = SampleProgram.migrationPanel();

        assertThat(panel.toBuilder().build()).isEqualTo(panel);
        assertThat(panel.toBuilder().revision(1).build()).isNotEqualTo(panel);
    }

    @Test
    void admissionIsFreeOrPaidInCad() {
        assertThat(Admission.free().isFree()).isTrue();
        assertThat(Admission.paid(new Price(new BigDecimal("10.00"), null)).isFree()).isFalse();
        assertThat(Admission.paid(new Price(BigDecimal.ZERO, LocalizedText.fr("membres"))).isFree()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(Admission::paid).withMessageContaining("price");
        assertThat(Price.CURRENCY).isEqualTo("CAD");
    }

    @Test
    void placesTellHowPeopleAttend() {
        Place.Venue venue = new Place.Venue("Salle Anaïs-Allard-Rousseau", Address.in("Trois-Rivières"),
                new Geo(46.34, -72.54));
        Place.Online online = new Place.Online(URI.create("https://example.org/live"), OnlinePlatform.YOUTUBE, null);

        assertThat(venue.attendanceMode()).isEqualTo(AttendanceMode.IN_PERSON);
        assertThat(online.attendanceMode()).isEqualTo(AttendanceMode.ONLINE);
        assertThat(new Place.Hybrid(venue, online).attendanceMode()).isEqualTo(AttendanceMode.MIXED);
        assertThat(new Place.Hybrid(venue, online).venuePart()).contains(venue);
        assertThat(venue.onlinePart()).isEmpty();
    }

    @Test
    void editionsKnowTheirDaysAndRegionalCoordinators() {
        Edition edition = SampleProgram.editions().get(0);

        assertThat(edition.includes(java.time.LocalDate.of(2020, 11, 14))).isTrue();
        assertThat(edition.includes(java.time.LocalDate.of(2020, 11, 15))).isFalse();
        assertThat(edition.coordinatorIn(Region.MAURICIE)).contains("cs3r");
        assertThat(edition.coordinatorIn(Region.ESTRIE)).isEmpty();
    }

    @Test
    void partnersShowTheirAcronymWhenTheyHaveOne() {
        Partner aqoci = SampleProgram.partners().get(0);
        Partner vuesDAfrique = SampleProgram.partners().get(5);

        assertThat(aqoci.shortName(Language.FR)).isEqualTo("AQOCI");
        assertThat(vuesDAfrique.shortName(Language.EN)).isEqualTo("Vues d'Afrique");
    }
}
