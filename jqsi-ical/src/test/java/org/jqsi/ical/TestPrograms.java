package org.jqsi.ical;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Geo;
import org.jqsi.core.model.Link;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.PartnerKind;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;

/** The seeds' sample program plus activities that exercise what the sample does not: DST, other zones, venues. */
final class TestPrograms {

    static final ZoneId HALIFAX = ZoneId.of("America/Halifax");

    static final String BEFORE_DST = "quiz-avant-changement-heure-2021";
    static final String AFTER_DST = "quiz-apres-changement-heure-2021";
    static final String MAGDALEN = "concert-iles-de-la-madeleine-2021";
    static final String HYBRID = "conference-hybride-quebec-2021";
    static final String CANCELLED = "atelier-annule-2021";
    static final String WINDOW_TIMES = "exposition-heures-2021";
    static final String ESCAPES = "atelier-caracteres-speciaux-2021";

    private TestPrograms() {
    }

    static Program sample() {
        return Program.of(data());
    }

    static ProgramData data() {
        List<Partner> partners = new ArrayList<>(SampleProgram.partners());
        partners.add(new Partner("cs-iles", LocalizedText.fr("Comité de solidarité des Îles, « Madelinots »"),
                null, PartnerKind.REGIONAL_COMMITTEE, URI.create("https://solidarite-iles.example.org/")));
        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        activities.addAll(extra());
        List<Edition> editions = SampleProgram.editions();
        return new ProgramData(editions, partners, activities);
    }

    static List<Activity> extra() {
        Activity beforeDst = Activity.builder(BEFORE_DST)
                .edition(SampleProgram.EDITION_2021)
                .kind(ActivityKind.QUIZ)
                .title(LocalizedText.of("Quiz solidaire", "Solidarity quiz"))
                .schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 6, 19, 0),
                        LocalDateTime.of(2021, 11, 6, 21, 0), Region.EASTERN))
                .place(new Place.Venue("Café Frida", new Address("1 rue Fictive", "Montréal", "H2X 1Y4"),
                        new Geo(45.5088, -73.5878)))
                .region(Region.MONTREAL)
                .partner("aqoci", PartnerRole.ORGANIZER)
                .themeTag("climate-justice")
                .build();
        Activity afterDst = beforeDst.toBuilder().id(AFTER_DST)
                .schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 8, 19, 0),
                        LocalDateTime.of(2021, 11, 8, 21, 0), Region.EASTERN))
                .build();
        Activity magdalen = Activity.builder(MAGDALEN)
                .edition(SampleProgram.EDITION_2021)
                .kind(ActivityKind.CONCERT)
                .title(LocalizedText.of("Concert des Îles", "Magdalen Islands concert"))
                .description(LocalizedText.fr("Musique acadienne et chants du monde."))
                .schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 13, 20, 0),
                        LocalDateTime.of(2021, 11, 13, 22, 0), HALIFAX))
                .place(new Place.Venue("Salle Au Vieux Couvent", new Address(null, "Les Îles-de-la-Madeleine", null),
                        new Geo(47.3794, -61.8625)))
                .region(Region.GASPESIE_ILES_DE_LA_MADELEINE)
                .partner("cs-iles", PartnerRole.ORGANIZER)
                .build();
        Activity hybrid = Activity.builder(HYBRID)
                .edition(SampleProgram.EDITION_2021)
                .kind(ActivityKind.CONFERENCE)
                .title(LocalizedText.of("Justice climatique : perspectives du Sud", "Climate justice: views from the South"))
                .schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 18, 12, 0),
                        LocalDateTime.of(2021, 11, 18, 13, 30), Region.EASTERN))
                .place(new Place.Hybrid(new Place.Venue("Maison de la coopération", 
                        new Address("155 boulevard Charest Est", "Québec", "G1K 3G6"), null),
                        new Place.Online(URI.create("https://zoom.example.org/j/123456?pwd=a,b;c"), OnlinePlatform.ZOOM,
                                null)))
                .region(Region.CAPITALE_NATIONALE)
                .partner("ceci", PartnerRole.ORGANIZER)
                .link(new Link(URI.create("https://ceci.example.org/conference"), null))
                .revision(1)
                .lastModified(Instant.parse("2021-10-20T14:00:00Z"))
                .build();
        Activity cancelled = Activity.builder(CANCELLED)
                .edition(SampleProgram.EDITION_2021)
                .kind(ActivityKind.WORKSHOP)
                .title(LocalizedText.fr("Atelier de sérigraphie"))
                .schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 20, 10, 0),
                        LocalDateTime.of(2021, 11, 20, 12, 0), Region.EASTERN))
                .place(new Place.Venue("Centre culturel", new Address(null, "Sherbrooke", null), null))
                .region(Region.ESTRIE)
                .partner("aqoci", PartnerRole.ORGANIZER)
                .status(Status.CANCELLED)
                .revision(2)
                .lastModified(Instant.parse("2021-11-15T09:30:00Z"))
                .build();
        Activity windowTimes = Activity.builder(WINDOW_TIMES)
                .edition(SampleProgram.EDITION_2021)
                .kind(ActivityKind.EXHIBITION)
                .title(LocalizedText.fr("Exposition photo"))
                .schedule(new Schedule.Window(LocalDate.of(2021, 11, 3), LocalDate.of(2021, 11, 10),
                        LocalTime.of(10, 0), LocalTime.of(17, 0), Region.EASTERN))
                .place(new Place.Venue("Bibliothèque", new Address(null, "Trois-Rivières", null), null))
                .region(Region.MAURICIE)
                .partner("cs3r", PartnerRole.ORGANIZER)
                .build();
        Activity escapes = Activity.builder(ESCAPES)
                .edition(SampleProgram.EDITION_2021)
                .kind(ActivityKind.WORKSHOP)
                .title(LocalizedText.of("Atelier; virgules, points-virgules et \\barres\\",
                        "Workshop; commas, semicolons and \\backslashes\\"))
                .description(LocalizedText.of("Première ligne\nDeuxième ligne, avec « guillemets »\r\n"
                        + "Troisième ligne : 😀 émoji\tet tabulation.",
                        null))
                .schedule(Schedule.Timed.at(LocalDateTime.of(2021, 11, 24, 18, 0), Region.EASTERN))
                .place(new Place.Online(URI.create("https://www.facebook.com/aqoci"), OnlinePlatform.FACEBOOK, "aqoci"))
                .partner("aqoci", PartnerRole.ORGANIZER)
                .build();
        return List.of(beforeDst, afterDst, magdalen, hybrid, cancelled, windowTimes, escapes);
    }
}
