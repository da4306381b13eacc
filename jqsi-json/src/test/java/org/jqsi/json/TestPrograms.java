package org.jqsi.json;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.Audience;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.EditionFormat;
import org.jqsi.core.model.Geo;
import org.jqsi.core.model.Link;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.Origin;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.PartnerKind;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Person;
import org.jqsi.core.model.PersonRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Price;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.RegionalCoordinator;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.model.Theme;

/** Programs for tests: one that uses every part of the format, and large generated ones. All deterministic. */
final class TestPrograms {

    static final ZoneId EASTERN = Region.EASTERN;
    static final ZoneId MAGDALEN_ISLANDS = ZoneId.of("America/Halifax");

    private TestPrograms() {
    }

    static Edition edition2021() {
        return new Edition("jqsi-2021", 25, 2021, LocalDate.of(2021, 11, 1), LocalDate.of(2021, 11, 30),
                new Theme(LocalizedText.of("Égalité", "Equality"), LocalizedText.fr("Entre les femmes et les hommes."),
                        List.of("gender-equality")),
                EditionFormat.HYBRID, List.of(Person.of("Porte-parole", PersonRole.SPOKESPERSON)), "aqoci",
                List.of(new RegionalCoordinator(Region.MAURICIE, "cs3r"),
                        new RegionalCoordinator(Region.GASPESIE_ILES_DE_LA_MADELEINE, "cs3r")));
    }

    static List<Partner> partners() {
        return List.of(
                new Partner("aqoci", LocalizedText.fr("Association québécoise des organismes de coopération "
                        + "internationale"), "AQOCI", PartnerKind.COALITION, URI.create("https://www.aqoci.qc.ca/")),
                new Partner("cs3r", LocalizedText.of("Comité de solidarité/Trois-Rivières",
                        "Trois-Rivières Solidarity Committee"), "CS3R", PartnerKind.REGIONAL_COMMITTEE,
                        URI.create("https://www.cs3r.org/")),
                new Partner("radio-sud", LocalizedText.fr("Radio Sud"), null, PartnerKind.MEDIA_PARTNER, null));
    }

    static Place.Venue venue() {
        return new Place.Venue("Salle Anaïs-Allard-Rousseau",
                new Address("1425, place de l'Hôtel-de-Ville", "Trois-Rivières", "G9A 5H7"),
                new Geo(46.3432, -72.5418));
    }

    static Place.Online online() {
        return new Place.Online(URI.create("https://www.facebook.com/aqoci/live"), OnlinePlatform.FACEBOOK, "aqoci");
    }

    /** An activity with every optional part filled, in the 2021 edition. */
    static Activity everything() {
        return Activity.builder("tout-2021")
                .edition("jqsi-2021")
                .kind(ActivityKind.CONCERT)
                .title(LocalizedText.of("Concert « solidaire »", "\"Solidarity\" concert"))
                .description(LocalizedText.of("Une soirée\navec des guillemets \" et des barres \\ obliques.",
                        "An evening\nwith quotes \" and back\\slashes."))
                .schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 6, 20, 0),
                        LocalDateTime.of(2021, 11, 6, 22, 30), EASTERN))
                .place(new Place.Hybrid(venue(), online()))
                .region(Region.MAURICIE)
                .partner("cs3r", PartnerRole.ORGANIZER)
                .partner("aqoci", PartnerRole.CO_ORGANIZER)
                .partner("radio-sud", PartnerRole.SPONSOR)
                .person(new Person("Artiste Invitée", PersonRole.PERFORMER, LocalizedText.fr("chanteuse")))
                .person(Person.of("Animateur", PersonRole.HOST))
                .registration(new Registration(true, URI.create("https://www.cs3r.org/inscription"),
                        "info@cs3r.org", LocalDate.of(2021, 11, 5)))
                .admission(Admission.paid(new Price(new BigDecimal("15.00"), LocalizedText.of("régulier", "regular")),
                        new Price(new BigDecimal("7.50"), LocalizedText.of("étudiants", "students"))))
                .language(Locale.CANADA_FRENCH)
                .language(Locale.ENGLISH)
                .audience(Audience.GENERAL_PUBLIC)
                .audience(Audience.STUDENTS)
                .themeTag("gender-equality")
                .status(Status.RESCHEDULED)
                .previousStart(LocalDateTime.of(2021, 11, 5, 19, 0))
                .link(new Link(URI.create("https://www.cs3r.org/concert"), LocalizedText.of("Page", "Page")))
                .revision(3)
                .lastModified(Instant.parse("2021-10-30T14:15:00Z"))
                .origin(Origin.of("cs3r-agenda", "concert-2021@cs3r.org"))
                .build();
    }

    /** An exhibition open at set hours over several days, in the Magdalen Islands (Atlantic time). */
    static Activity window() {
        return Activity.builder("expo-iles-2021")
                .edition("jqsi-2021")
                .kind(ActivityKind.EXHIBITION)
                .title(LocalizedText.fr("Exposition aux Îles"))
                .schedule(new Schedule.Window(LocalDate.of(2021, 11, 8), LocalDate.of(2021, 11, 12),
                        LocalTime.of(10, 0), LocalTime.of(17, 0), MAGDALEN_ISLANDS))
                .place(new Place.Venue("Centre culturel", Address.in("Les Îles-de-la-Madeleine"), null))
                .region(Region.GASPESIE_ILES_DE_LA_MADELEINE)
                .admission(Admission.free())
                .registration(Registration.notRequired())
                .build();
    }

    /** To be announced, with a note. */
    static Activity toBeAnnounced() {
        return Activity.builder("a-venir-2021")
                .edition("jqsi-2021")
                .kind(ActivityKind.OTHER)
                .title(LocalizedText.fr("À venir"))
                .schedule(new Schedule.ToBeAnnounced(LocalizedText.of("à l'automne", "in the fall")))
                .place(new Place.Online(null, OnlinePlatform.ZOOM, null))
                .build();
    }

    /** A program that uses every part of the format. */
    static ProgramData everyPart() {
        return new ProgramData(List.of(edition2021()), partners(), List.of(everything(), window(), toBeAnnounced()));
    }

    /** A valid program of {@code count} activities, varied the same way on every run. */
    static ProgramData generated(int count) {
        List<Activity> activities = new ArrayList<>(count);
        ActivityKind[] kinds = ActivityKind.values();
        Region[] regions = Region.values();
        Status[] statuses = {Status.SCHEDULED, Status.SCHEDULED, Status.CANCELLED, Status.POSTPONED,
                Status.MOVED_ONLINE};
        for (int i = 0; i < count; i++) {
            LocalDateTime start = LocalDateTime.of(2021, 11, 1 + i % 30, 9 + i % 12, (i % 4) * 15);
            Place place = switch (i % 3) {
                case 0 -> online();
                case 1 -> venue();
                default -> new Place.Hybrid(venue(), online());
            };
            Schedule schedule = i % 10 == 9
                    ? Schedule.Window.days(start.toLocalDate(), start.toLocalDate().plusDays(i % 3), EASTERN)
                    : Schedule.Timed.between(start, start.plusMinutes(90), EASTERN);
            Status status = statuses[i % statuses.length];
            Activity.Builder activity = Activity.builder("activite-" + i)
                    .edition("jqsi-2021")
                    .kind(kinds[i % kinds.length])
                    .title(LocalizedText.of("Activité n° " + i, "Activity no. " + i))
                    .description(LocalizedText.fr("Description de l'activité " + i + " : réfugiés, égalité."))
                    .schedule(schedule)
                    .place(status == Status.MOVED_ONLINE ? online() : place)
                    .region(regions[i % regions.length])
                    .partner(i % 2 == 0 ? "aqoci" : "cs3r", PartnerRole.ORGANIZER)
                    .person(Person.of("Personne " + (i % 97), PersonRole.SPEAKER))
                    .admission(i % 4 == 0 ? Admission.paid(new Price(BigDecimal.valueOf(500 + i % 1000, 2), null))
                            : Admission.free())
                    .language(i % 5 == 0 ? Locale.ENGLISH : Locale.FRENCH)
                    .status(status)
                    .revision(i % 3);
            activities.add(activity.build());
        }
        return new ProgramData(List.of(edition2021()), partners(), activities);
    }
}
