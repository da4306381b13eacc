package org.jqsi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** schema.org JSON-LD, checked field by field. */
class EventJsonLdTest {

    private static final ObjectMapper TREES = new ObjectMapper();
    private static final EventJsonLd JSON_LD = EventJsonLd.withPagesAt("https://example.org/jqsi/activities/{id}");

    private static Program programOf(Activity... activities) {
        ProgramData base = TestPrograms.everyPart();
        List<Activity> all = new ArrayList<>(List.of(activities));
        return Program.of(new ProgramData(base.editions(), base.partners(), all));
    }

    private static JsonNode event(Program program, Activity activity, Language language) throws Exception {
        String json = JSON_LD.event(program, activity, language).orElseThrow();
        return TREES.readTree(json);
    }

    private static JsonNode event(Activity activity) throws Exception {
        return event(programOf(activity), activity, Language.FR);
    }

    @Test
    void anActivityWithEveryPartIsAFullEvent() throws Exception {
        Activity activity = TestPrograms.everything();

        JsonNode event = event(programOf(activity), activity, Language.EN);

        assertThat(event.get("@context").asText()).isEqualTo("https://schema.org");
        assertThat(event.get("@type").asText()).isEqualTo("Event");
        assertThat(event.get("name").asText()).isEqualTo("\"Solidarity\" concert");
        assertThat(event.get("description").asText()).startsWith("An evening\nwith quotes");
        assertThat(event.get("url").asText()).isEqualTo("https://example.org/jqsi/activities/tout-2021");
        assertThat(event.get("startDate").asText()).isEqualTo("2021-11-06T20:00:00-04:00");
        assertThat(event.get("endDate").asText()).isEqualTo("2021-11-06T22:30:00-04:00");
        assertThat(event.get("eventAttendanceMode").asText()).isEqualTo("https://schema.org/MixedEventAttendanceMode");
        assertThat(event.get("eventStatus").asText()).isEqualTo("https://schema.org/EventRescheduled");
        assertThat(event.get("previousStartDate").asText()).isEqualTo("2021-11-05T19:00:00-04:00");

        JsonNode location = event.get("location");
        assertThat(location.isArray()).isTrue();
        assertThat(location).hasSize(2);
        JsonNode venue = location.get(0);
        assertThat(venue.get("@type").asText()).isEqualTo("Place");
        assertThat(venue.get("name").asText()).isEqualTo("Salle Anaïs-Allard-Rousseau");
        assertThat(venue.get("address").get("@type").asText()).isEqualTo("PostalAddress");
        assertThat(venue.get("address").get("streetAddress").asText()).isEqualTo("1425, place de l'Hôtel-de-Ville");
        assertThat(venue.get("address").get("addressLocality").asText()).isEqualTo("Trois-Rivières");
        assertThat(venue.get("address").get("postalCode").asText()).isEqualTo("G9A 5H7");
        assertThat(venue.get("address").get("addressRegion").asText()).isEqualTo("QC");
        assertThat(venue.get("address").get("addressCountry").asText()).isEqualTo("CA");
        assertThat(venue.get("geo").get("@type").asText()).isEqualTo("GeoCoordinates");
        assertThat(venue.get("geo").get("latitude").asDouble()).isEqualTo(46.3432);
        assertThat(venue.get("geo").get("longitude").asDouble()).isEqualTo(-72.5418);
        assertThat(location.get(1).get("@type").asText()).isEqualTo("VirtualLocation");
        assertThat(location.get(1).get("url").asText()).isEqualTo("https://www.facebook.com/aqoci/live");

        JsonNode organizers = event.get("organizer");
        assertThat(organizers).hasSize(2);
        assertThat(organizers.get(0).get("@type").asText()).isEqualTo("Organization");
        assertThat(organizers.get(0).get("name").asText()).isEqualTo("Trois-Rivières Solidarity Committee");
        assertThat(organizers.get(0).get("alternateName").asText()).isEqualTo("CS3R");
        assertThat(organizers.get(0).get("url").asText()).isEqualTo("https://www.cs3r.org/");
        assertThat(organizers.get(1).get("alternateName").asText()).isEqualTo("AQOCI");

        JsonNode performers = event.get("performer");
        assertThat(performers).hasSize(2);
        assertThat(performers.get(0).get("@type").asText()).isEqualTo("Person");
        assertThat(performers.get(0).get("name").asText()).isEqualTo("Artiste Invitée");
        assertThat(performers.get(1).get("name").asText()).isEqualTo("Animateur");

        JsonNode offers = event.get("offers");
        assertThat(offers).hasSize(2);
        assertThat(offers.get(0).get("@type").asText()).isEqualTo("Offer");
        assertThat(offers.get(0).get("name").asText()).isEqualTo("regular");
        assertThat(offers.get(0).get("price").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(offers.get(0).get("priceCurrency").asText()).isEqualTo("CAD");
        assertThat(offers.get(0).get("url").asText()).isEqualTo("https://www.cs3r.org/inscription");
        assertThat(offers.get(1).get("name").asText()).isEqualTo("students");
        assertThat(offers.get(1).get("price").decimalValue()).isEqualByComparingTo("7.50");

        assertThat(event.get("inLanguage")).hasSize(2);
        assertThat(event.get("inLanguage").get(0).asText()).isEqualTo("fr-CA");
        assertThat(event.get("inLanguage").get(1).asText()).isEqualTo("en");

        JsonNode edition = event.get("superEvent");
        assertThat(edition.get("@type").asText()).isEqualTo("Event");
        assertThat(edition.get("name").asText()).isEqualTo("Quebec Days of International Solidarity 2021: Equality");
        assertThat(edition.get("startDate").asText()).isEqualTo("2021-11-01");
        assertThat(edition.get("endDate").asText()).isEqualTo("2021-11-30");
        assertThat(edition.get("eventAttendanceMode").asText()).isEqualTo("https://schema.org/MixedEventAttendanceMode");
    }

    @ParameterizedTest
    @CsvSource({
            "SCHEDULED, https://schema.org/EventScheduled",
            "CANCELLED, https://schema.org/EventCancelled",
            "POSTPONED, https://schema.org/EventPostponed",
            "MOVED_ONLINE, https://schema.org/EventMovedOnline"})
    void eachStatusIsAnEventStatus(Status status, String eventStatus) throws Exception {
        Activity activity = TestPrograms.everything().toBuilder().status(status).previousStart(null).build();

        JsonNode event = event(activity);

        assertThat(event.get("eventStatus").asText()).isEqualTo(eventStatus);
        assertThat(event.has("previousStartDate")).isFalse();
    }

    @Test
    void aRescheduledActivityKeepsItsPreviousStart() throws Exception {
        JsonNode event = event(TestPrograms.everything());

        assertThat(event.get("eventStatus").asText()).isEqualTo("https://schema.org/EventRescheduled");
        assertThat(event.get("previousStartDate").asText()).isEqualTo("2021-11-05T19:00:00-04:00");
        assertThat(event.get("startDate").asText()).isEqualTo("2021-11-06T20:00:00-04:00");
    }

    @Test
    void anActivityAtAVenueIsOfflineWithAPlace() throws Exception {
        Activity activity = TestPrograms.everything().toBuilder().place(TestPrograms.venue()).build();

        JsonNode event = event(activity);

        assertThat(event.get("eventAttendanceMode").asText()).isEqualTo("https://schema.org/OfflineEventAttendanceMode");
        assertThat(event.get("location").get("@type").asText()).isEqualTo("Place");
        assertThat(event.get("location").get("address").get("addressLocality").asText()).isEqualTo("Trois-Rivières");
    }

    @Test
    void anOnlineActivityIsOnlineWithAVirtualLocation() throws Exception {
        Activity activity = TestPrograms.everything().toBuilder().place(TestPrograms.online()).build();

        JsonNode event = event(activity);

        assertThat(event.get("eventAttendanceMode").asText()).isEqualTo("https://schema.org/OnlineEventAttendanceMode");
        assertThat(event.get("location").get("@type").asText()).isEqualTo("VirtualLocation");
        assertThat(event.get("location").get("url").asText()).isEqualTo("https://www.facebook.com/aqoci/live");
    }

    @Test
    void anOnlineActivityWithoutALinkPointsAtItsHostsSiteOrItsPage() throws Exception {
        Activity hosted = TestPrograms.everything().toBuilder().place(new Place.Online(null, null, "aqoci")).build();
        Activity unhosted = TestPrograms.everything().toBuilder().place(new Place.Online(null, null, null)).build();

        assertThat(event(hosted).get("location").get("url").asText()).isEqualTo("https://www.aqoci.qc.ca/");
        assertThat(event(unhosted).get("location").get("url").asText())
                .isEqualTo("https://example.org/jqsi/activities/tout-2021");
    }

    @Test
    void anActivityMovedOnlineIsOnlineAtItsLinkNotAtTheHallItsPlaceStillNames() throws Exception {
        Activity moved = TestPrograms.everything().toBuilder().status(Status.MOVED_ONLINE).previousStart(null)
                .place(new Place.Hybrid(TestPrograms.venue(), TestPrograms.online())).build();

        JsonNode event = event(moved);

        assertThat(event.get("eventStatus").asText()).isEqualTo("https://schema.org/EventMovedOnline");
        assertThat(event.get("eventAttendanceMode").asText()).isEqualTo("https://schema.org/OnlineEventAttendanceMode");
        assertThat(event.get("location").isObject()).isTrue();
        assertThat(event.get("location").get("@type").asText()).isEqualTo("VirtualLocation");
        assertThat(event.get("location").get("url").asText()).isEqualTo("https://www.facebook.com/aqoci/live");
        assertThat(event.toString()).doesNotContain(TestPrograms.venue().name());
    }

    @Test
    void anActivityWithADateButNoPlaceIsInItsRegionUntilItsVenueIsAnnounced() throws Exception {
        // Google requires a location and an attendance mode of every event.
        JsonNode event = event(TestPrograms.everything().toBuilder().place(null).build());

        assertThat(event.get("eventAttendanceMode").asText()).isEqualTo("https://schema.org/OfflineEventAttendanceMode");
        assertThat(event.get("location").get("@type").asText()).isEqualTo("Place");
        assertThat(event.get("location").get("name").asText()).isEqualTo("Lieu à confirmer, Mauricie");
        assertThat(event.get("location").get("address").get("addressRegion").asText()).isEqualTo("QC");
        assertThat(event.get("location").get("address").get("addressCountry").asText()).isEqualTo("CA");
        Activity provinceWide = TestPrograms.everything().toBuilder().place(null).region(null).build();
        assertThat(event(programOf(provinceWide), provinceWide, Language.EN).get("location").get("name").asText())
                .isEqualTo("Venue to be announced, Québec");
    }

    @Test
    void anActivityWithNoPlaceInAVirtualEditionIsOnlineAtItsPage() throws Exception {
        Program sample = Program.of(SampleProgram.data());
        Activity film = sample.activity(SampleProgram.LOIN_DE_BACHAR).orElseThrow().toBuilder().place(null).build();

        JsonNode event = event(sample, film, Language.FR);

        assertThat(event.get("eventAttendanceMode").asText()).isEqualTo("https://schema.org/OnlineEventAttendanceMode");
        assertThat(event.get("location").get("@type").asText()).isEqualTo("VirtualLocation");
        assertThat(event.get("location").get("url").asText())
                .isEqualTo("https://example.org/jqsi/activities/" + SampleProgram.LOIN_DE_BACHAR);
    }

    @Test
    void everyOfferSaysItIsAvailable() throws Exception {
        JsonNode offers = event(TestPrograms.everything()).get("offers");

        assertThat(offers).isNotEmpty().allSatisfy(offer ->
                assertThat(offer.get("availability").asText()).isEqualTo("https://schema.org/InStock"));
        assertThat(event(TestPrograms.everything().toBuilder().admission(Admission.free()).build()).get("offers")
                .get("availability").asText()).isEqualTo("https://schema.org/InStock");
    }

    @Test
    void withNoPartnerNamedTheEditionsCoordinatorOrganisesAsInTheIcs() throws Exception {
        Activity alone = TestPrograms.everything().toBuilder().partners(List.of()).build();

        JsonNode organizer = event(alone).get("organizer");

        assertThat(organizer.isObject()).isTrue();
        assertThat(organizer.get("alternateName").asText()).isEqualTo("AQOCI");
    }

    @Test
    void theDaylightSavingChangeOf2021ShowsInTheOffsets() throws Exception {
        Activity saturday = TestPrograms.everything().toBuilder().id("samedi").status(Status.SCHEDULED)
                .previousStart(null)
                .schedule(Schedule.Timed.at(LocalDateTime.of(2021, 11, 6, 19, 30), TestPrograms.EASTERN)).build();
        Activity monday = saturday.toBuilder().id("lundi")
                .schedule(Schedule.Timed.at(LocalDateTime.of(2021, 11, 8, 19, 30), TestPrograms.EASTERN)).build();
        Program program = programOf(saturday, monday);

        assertThat(event(program, saturday, Language.FR).get("startDate").asText())
                .isEqualTo("2021-11-06T19:30:00-04:00");
        assertThat(event(program, monday, Language.FR).get("startDate").asText())
                .isEqualTo("2021-11-08T19:30:00-05:00");
        assertThat(event(program, monday, Language.FR).has("endDate")).isFalse();
    }

    @Test
    void anAllDayWindowHasDatesAndAWindowWithHoursHasTimesInItsZone() throws Exception {
        Activity allDay = TestPrograms.window().toBuilder().id("journees")
                .schedule(Schedule.Window.days(LocalDate.of(2021, 11, 13), LocalDate.of(2021, 11, 15),
                        TestPrograms.EASTERN)).build();
        Activity withHours = TestPrograms.window();

        JsonNode days = event(allDay);
        JsonNode hours = event(withHours);

        assertThat(days.get("startDate").asText()).isEqualTo("2021-11-13");
        assertThat(days.get("endDate").asText()).isEqualTo("2021-11-15");
        assertThat(hours.get("startDate").asText()).isEqualTo("2021-11-08T10:00:00-04:00");
        assertThat(hours.get("endDate").asText()).isEqualTo("2021-11-12T17:00:00-04:00");
    }

    @Test
    void freeAdmissionIsAPriceOfZeroInCadWithTheRegistrationLink() throws Exception {
        Activity activity = TestPrograms.everything().toBuilder().admission(Admission.free()).build();

        JsonNode offer = event(activity).get("offers");

        assertThat(offer.isObject()).isTrue();
        assertThat(offer.get("@type").asText()).isEqualTo("Offer");
        assertThat(offer.get("price").asInt()).isZero();
        assertThat(offer.get("priceCurrency").asText()).isEqualTo("CAD");
        assertThat(offer.get("url").asText()).isEqualTo("https://www.cs3r.org/inscription");
        assertThat(offer.has("name")).isFalse();
    }

    @Test
    void offersWithoutARegistrationLinkPointAtThePageAndUnknownAdmissionHasNoOffer() throws Exception {
        Activity free = TestPrograms.everything().toBuilder().admission(Admission.free())
                .registration(Registration.notRequired()).build();
        Activity unknown = TestPrograms.everything().toBuilder().admission(null).build();

        assertThat(event(free).get("offers").get("url").asText())
                .isEqualTo("https://example.org/jqsi/activities/tout-2021");
        assertThat(event(unknown).has("offers")).isFalse();
    }

    @Test
    void theSampleFollowsTheSeeds() throws Exception {
        Program sample = Program.of(SampleProgram.data());
        Activity loinDeBachar = sample.activity(SampleProgram.LOIN_DE_BACHAR).orElseThrow();
        Activity panel = sample.activity(SampleProgram.MIGRATION_PANEL).orElseThrow();
        Activity opening = sample.activity(SampleProgram.EXHIBITION_OPENING).orElseThrow();

        JsonNode film = event(sample, loinDeBachar, Language.FR);
        JsonNode panelEvent = event(sample, panel, Language.FR);
        JsonNode openingEvent = event(sample, opening, Language.FR);

        assertThat(film.get("startDate").asText()).isEqualTo("2020-11-10T19:30:00-05:00");
        assertThat(film.get("organizer").get("alternateName").asText()).isEqualTo("AQOCI");
        assertThat(film.get("performer")).extracting(p -> p.get("name").asText())
                .containsExactly("Pascal Sanchez", "Muzna Dureid");
        assertThat(film.get("offers").get("price").asInt()).isZero();
        assertThat(film.get("superEvent").get("name").asText())
                .isEqualTo("Journées québécoises de la solidarité internationale 2020 : Justice migratoire");
        assertThat(film.get("superEvent").get("eventAttendanceMode").asText())
                .isEqualTo("https://schema.org/OnlineEventAttendanceMode");
        // La Bronze hosts and performs: one performer.
        assertThat(panelEvent.get("performer")).extracting(p -> p.get("name").asText())
                .containsExactly("Marie-Claire Rufagari", "Ndioro Ndiaye", "La Bronze");
        // No organizer named: the regional coordinator stands in.
        assertThat(openingEvent.get("organizer").get("alternateName").asText()).isEqualTo("CS3R");
        assertThat(openingEvent.get("startDate").asText()).isEqualTo("2020-11-11");
        assertThat(openingEvent.has("offers")).isFalse();
        assertThat(openingEvent.has("inLanguage")).isFalse();
    }

    @Test
    void theChosenLanguageDecidesTheTextAndFrenchStandsInForMissingEnglish() throws Exception {
        Program sample = Program.of(SampleProgram.data());
        Activity loinDeBachar = sample.activity(SampleProgram.LOIN_DE_BACHAR).orElseThrow();
        Activity dheepan = sample.activity(SampleProgram.DHEEPAN).orElseThrow();

        assertThat(event(sample, loinDeBachar, Language.FR).get("name").asText()).isEqualTo("Loin de Bachar");
        assertThat(event(sample, loinDeBachar, Language.EN).get("name").asText()).isEqualTo("Far from Bashar");
        assertThat(event(sample, loinDeBachar, Language.EN).get("organizer").get("name").asText())
                .isEqualTo("Association québécoise des organismes de coopération internationale");
        assertThat(event(sample, dheepan, Language.EN).get("name").asText()).isEqualTo("Dheepan");
        assertThat(event(sample, dheepan, Language.EN).get("description").asText()).startsWith("The story of three");
    }

    @Test
    void activitiesToBeAnnouncedAreLeftOut() {
        Program sample = Program.of(SampleProgram.data());
        Activity ceci = sample.activity(SampleProgram.CECI_DISCUSSION_1).orElseThrow();

        assertThat(JSON_LD.event(sample, ceci, Language.FR)).isEmpty();
    }

    @Test
    void aQueryResultIsAnItemListOfItsDatedActivities() throws Exception {
        Program sample = Program.of(SampleProgram.data());
        var page = sample.query(ActivityQuery.all());

        JsonNode list = TREES.readTree(JSON_LD.itemList(sample, page, Language.EN));

        assertThat(list.get("@context").asText()).isEqualTo("https://schema.org");
        assertThat(list.get("@type").asText()).isEqualTo("ItemList");
        assertThat(list.get("numberOfItems").asInt()).isEqualTo(5);
        JsonNode items = list.get("itemListElement");
        assertThat(items).hasSize(5);
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i).get("@type").asText()).isEqualTo("ListItem");
            assertThat(items.get(i).get("position").asInt()).isEqualTo(i + 1);
            assertThat(items.get(i).get("item").get("@type").asText()).isEqualTo("Event");
            assertThat(items.get(i).get("item").has("@context")).isFalse();
        }
        assertThat(items.get(0).get("item").get("name").asText()).isEqualTo("Evening of committed short films");
        assertThat(items).extracting(item -> item.get("item").get("url").asText())
                .doesNotContain("https://example.org/jqsi/activities/" + SampleProgram.CECI_DISCUSSION_1);

        StringWriter out = new StringWriter();
        JSON_LD.writeItemList(sample, page.items(), Language.EN, out);
        assertThat(out.toString()).isEqualTo(JSON_LD.itemList(sample, page, Language.EN));
    }

    @Test
    void textCannotCloseTheScriptElementItIsPutIn() throws Exception {
        Activity activity = TestPrograms.everything().toBuilder()
                .title(LocalizedText.fr("</script><script>alert(1)</script> & <!--")).build();

        String json = JSON_LD.event(programOf(activity), activity, Language.FR).orElseThrow();

        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .contains("\\u003C/script\\u003E");
        assertThat(TREES.readTree(json).get("name").asText()).isEqualTo("</script><script>alert(1)</script> & <!--");
    }

    @Test
    void escapesEachDangerousCharacterOnceAndReadsBackToTheSameText() throws Exception {
        String title = "</script> \"guillemets\" & l\u2028igne\u2029 \\u003C";
        Activity activity = TestPrograms.everything().toBuilder().title(LocalizedText.fr(title)).build();

        String json = JSON_LD.event(programOf(activity), activity, Language.FR).orElseThrow();

        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .doesNotContain("\u2028").doesNotContain("\u2029")
                .contains("\"name\":\"\\u003C/script\\u003E \\\"guillemets\\\" \\u0026 l\\u2028igne\\u2029 "
                        + "\\\\u003C\"");
        assertThat(TREES.readTree(json).get("name").asText()).isEqualTo(title);
    }

    @Test
    void pageUrlsComeFromTheTemplateOrAFunction() throws Exception {
        Activity activity = TestPrograms.everything();
        EventJsonLd custom = new EventJsonLd(a -> URI.create("https://jqsi.example/#" + a.id()));

        JsonNode event = TREES.readTree(custom.event(programOf(activity), activity, Language.FR).orElseThrow());

        assertThat(event.get("url").asText()).isEqualTo("https://jqsi.example/#tout-2021");
        assertThatThrownBy(() -> EventJsonLd.withPagesAt("https://example.org/activities"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{id}");
    }
}
