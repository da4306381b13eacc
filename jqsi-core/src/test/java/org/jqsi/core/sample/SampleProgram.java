package org.jqsi.core.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.EditionFormat;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.PartnerKind;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Person;
import org.jqsi.core.model.PersonRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.RegionalCoordinator;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Theme;

/**
 * The program that the two seed articles describe: the 24th edition (2020) in the Mauricie and CECI's activities of
 * 2021. Only what the articles say: where they give no end time, URL or website, there is none here.
 */
public final class SampleProgram {

    public static final String EDITION_2020 = "jqsi-2020";
    public static final String EDITION_2021 = "jqsi-2021";

    public static final String SHORT_FILMS = "soiree-courts-metrages-engages-2020";
    public static final String LOIN_DE_BACHAR = "loin-de-bachar-2020";
    public static final String EXHIBITION_OPENING = "vernissage-changer-le-monde-2020";
    public static final String MIGRATION_PANEL = "panel-migration-histoire-de-solidarite-2020";
    public static final String DHEEPAN = "dheepan-2020";
    public static final String CECI_DISCUSSION_1 = "ceci-discussion-agir-pour-egalite-1-2021";
    public static final String CECI_DISCUSSION_2 = "ceci-discussion-agir-pour-egalite-2-2021";

    private SampleProgram() {
    }

    /** The whole sample program. */
    public static ProgramData data() {
        return new ProgramData(editions(), partners(), activities());
    }

    public static List<Partner> partners() {
        return List.of(
                new Partner("aqoci", LocalizedText.fr(
                        "Association québécoise des organismes de coopération internationale"),
                        "AQOCI", PartnerKind.COALITION, null),
                new Partner("cs3r", LocalizedText.of("Comité de solidarité/Trois-Rivières",
                        "Trois-Rivières Solidarity Committee"), "CS3R", PartnerKind.REGIONAL_COMMITTEE, null),
                new Partner("ceci", LocalizedText.fr("Centre d'étude et de coopération internationale"), "CECI",
                        PartnerKind.MEMBER_ORGANISATION, null),
                new Partner("culture-trois-rivieres", LocalizedText.fr("Culture Trois-Rivières"), null,
                        PartnerKind.CULTURAL_PARTNER, null),
                new Partner("les-ptites-vues", LocalizedText.fr("Les P'tites Vues"), null,
                        PartnerKind.CULTURAL_PARTNER, null),
                new Partner("vues-d-afrique", LocalizedText.fr("Vues d'Afrique"), null, PartnerKind.FESTIVAL, null));
    }

    public static List<Edition> editions() {
        Theme migrationJustice = new Theme(
                LocalizedText.of("Justice migratoire", "Migration justice"),
                LocalizedText.of(
                        "La justice migratoire pose un regard juste et solidaire sur les réalités vécues par les "
                                + "personnes migrantes, ici comme ailleurs, et veille au respect de leurs droits.",
                        "Migration justice takes a fair and united look at the realities experienced by migrants, "
                                + "here as elsewhere, and ensures that their rights are respected."),
                List.of("migration-justice"));
        Edition jqsi2020 = new Edition(EDITION_2020, 24, 2020, LocalDate.of(2020, 11, 5), LocalDate.of(2020, 11, 14),
                migrationJustice, EditionFormat.VIRTUAL,
                List.of(new Person("La Bronze", PersonRole.SPOKESPERSON, LocalizedText.of("artiste", "artist"))),
                "aqoci", List.of(new RegionalCoordinator(Region.MAURICIE, "cs3r")));
        // The 2021 article gives the month and the twelve regions, but neither the ordinal, a theme nor a format.
        Edition jqsi2021 = new Edition(EDITION_2021, null, 2021, LocalDate.of(2021, 11, 1),
                LocalDate.of(2021, 11, 30), null, null, List.of(), "aqoci", List.of());
        return List.of(jqsi2020, jqsi2021);
    }

    public static List<Activity> activities() {
        return List.of(shortFilms(), loinDeBachar(), exhibitionOpening(), migrationPanel(), dheepan(),
                ceciDiscussion(CECI_DISCUSSION_1, 1), ceciDiscussion(CECI_DISCUSSION_2, 2));
    }

    public static Activity shortFilms() {
        return Activity.builder(SHORT_FILMS)
                .edition(EDITION_2020)
                .kind(ActivityKind.SCREENING)
                .title(LocalizedText.of("Soirée de courts métrages engagés", "Evening of committed short films"))
                .description(LocalizedText.of(
                        "Les P'tites Vues proposent une soirée de courts métrages internationaux qui abordent la "
                                + "migration, l'engagement social, l'environnement et l'art engagé.",
                        "Les P'tites Vues offers an evening of international short films that address migration, "
                                + "social engagement, the environment and engaged art."))
                .schedule(Schedule.Timed.between(LocalDateTime.of(2020, 11, 6, 19, 30),
                        LocalDateTime.of(2020, 11, 6, 21, 30), Region.EASTERN))
                .place(new Place.Online(null, OnlinePlatform.WEBSITE, "culture-trois-rivieres"))
                .region(Region.MAURICIE)
                .partner("les-ptites-vues", PartnerRole.ORGANIZER)
                .partner("culture-trois-rivieres", PartnerRole.BROADCASTER)
                .partner("cs3r", PartnerRole.REGIONAL_COORDINATOR)
                .build();
    }

    public static Activity loinDeBachar() {
        return Activity.builder(LOIN_DE_BACHAR)
                .edition(EDITION_2020)
                .kind(ActivityKind.SCREENING)
                .title(LocalizedText.of("Loin de Bachar", "Far from Bashar"))
                .description(LocalizedText.of(
                        "Loin de Bachar dresse le portrait nuancé d'une famille de réfugiés syriens établie à "
                                + "Montréal, dont le quotidien reste marqué par une guerre sans fin. La diffusion "
                                + "sera suivie d'un échange virtuel avec le réalisateur Pascal Sanchez et Muzna "
                                + "Dureid, militante pour la construction de la paix en Syrie.",
                        "Loin de Bachar draws a nuanced portrait of a Syrian refugee family established in "
                                + "Montreal, whose daily life is still marked by a never-ending war. The broadcast "
                                + "will be followed by a virtual exchange with director Pascal Sanchez and Muzna "
                                + "Dureid, activist for the construction of peace in Syria."))
                .schedule(Schedule.Timed.at(LocalDateTime.of(2020, 11, 10, 19, 30), Region.EASTERN))
                .place(new Place.Online(null, OnlinePlatform.FACEBOOK, "aqoci"))
                .region(Region.MAURICIE)
                .partner("aqoci", PartnerRole.ORGANIZER)
                .partner("aqoci", PartnerRole.BROADCASTER)
                .partner("cs3r", PartnerRole.REGIONAL_COORDINATOR)
                .person(Person.of("Pascal Sanchez", PersonRole.DIRECTOR))
                .person(new Person("Muzna Dureid", PersonRole.SPEAKER, LocalizedText.of(
                        "militante pour la construction de la paix en Syrie",
                        "activist for the construction of peace in Syria")))
                .admission(Admission.free())
                .build();
    }

    public static Activity exhibitionOpening() {
        return Activity.builder(EXHIBITION_OPENING)
                .edition(EDITION_2020)
                .kind(ActivityKind.EXHIBITION)
                .title(LocalizedText.of("Vernissage virtuel de l'exposition « Changer le monde, une œuvre à la fois »",
                        "Virtual opening of the exhibition “Changer le monde, une œuvre à la fois”"))
                .description(LocalizedText.of(
                        "En présence d'intervenants, de participants et du public, des capsules vidéo présenteront "
                                + "quelques-unes des centaines d'œuvres d'art réalisées en 2019-2020. La 9e édition de "
                                + "ce projet d'éducation populaire et d'art engagé a réuni près de 300 participants "
                                + "des milieux communautaire et scolaire.",
                        "In the presence of speakers, participants and the public, video clips will present some of "
                                + "the hundreds of works of art produced in 2019-2020. The 9th edition of this "
                                + "popular education and engaged art project brought together nearly 300 "
                                + "participants from community and school circles."))
                // The article gives the day, not the time.
                .schedule(Schedule.Window.days(LocalDate.of(2020, 11, 11), LocalDate.of(2020, 11, 11),
                        Region.EASTERN))
                .place(new Place.Online(null, null, null))
                .region(Region.MAURICIE)
                .partner("cs3r", PartnerRole.REGIONAL_COORDINATOR)
                .registration(Registration.requiredAt(null))
                .build();
    }

    public static Activity migrationPanel() {
        return Activity.builder(MIGRATION_PANEL)
                .edition(EDITION_2020)
                .kind(ActivityKind.PANEL)
                .title(LocalizedText.of("Migration : une histoire de solidarité", "Migration: a story of solidarity"))
                .description(LocalizedText.of(
                        "Panel en ligne animé par l'artiste La Bronze, porte-parole des JQSI 2020, qui offrira "
                                + "aussi une performance musicale.",
                        "Online panel hosted by artist La Bronze, spokesperson for JQSI 2020, who will also give a "
                                + "musical performance."))
                .schedule(Schedule.Timed.at(LocalDateTime.of(2020, 11, 12, 16, 0), Region.EASTERN))
                .place(new Place.Online(null, null, "aqoci"))
                .region(Region.MAURICIE)
                .partner("aqoci", PartnerRole.ORGANIZER)
                .partner("aqoci", PartnerRole.BROADCASTER)
                .partner("cs3r", PartnerRole.REGIONAL_COORDINATOR)
                .person(new Person("Marie-Claire Rufagari", PersonRole.SPEAKER, LocalizedText.of(
                        "chercheuse et formatrice sur la migration depuis 25 ans",
                        "researcher and trainer on migration for 25 years")))
                .person(new Person("Ndioro Ndiaye", PersonRole.SPEAKER, LocalizedText.of(
                        "professeure, présidente de l'Alliance pour la migration, le leadership et le "
                                + "développement (AMLD)",
                        "professor, president of the Alliance for Migration, Leadership and Development (AMLD)")))
                .person(Person.of("La Bronze", PersonRole.HOST))
                .person(Person.of("La Bronze", PersonRole.PERFORMER))
                .build();
    }

    public static Activity dheepan() {
        return Activity.builder(DHEEPAN)
                .edition(EDITION_2020)
                .kind(ActivityKind.SCREENING)
                .title(LocalizedText.fr("Dheepan"))
                .description(LocalizedText.of(
                        "L'histoire de trois réfugiés qui tentent de refaire leur vie en France après avoir fui la "
                                + "guerre civile dans leur pays d'origine.",
                        "The story of three refugees trying to start a new life in France after having fled the "
                                + "civil war in their country of origin."))
                // Available from Friday the 13th to the 15th: one day past the edition's end.
                .schedule(Schedule.Window.days(LocalDate.of(2020, 11, 13), LocalDate.of(2020, 11, 15),
                        Region.EASTERN))
                .place(new Place.Online(null, null, null))
                .region(Region.MAURICIE)
                .partner("cs3r", PartnerRole.REGIONAL_COORDINATOR)
                .admission(Admission.free())
                .registration(Registration.requiredAt(null))
                .build();
    }

    static Activity ceciDiscussion(String id, int number) {
        return Activity.builder(id)
                .edition(EDITION_2021)
                .kind(ActivityKind.DISCUSSION)
                .title(LocalizedText.of(
                        "Discussion en ligne sur un film lauréat de la catégorie « Agir pour l'égalité » de "
                                + "Vues d'Afrique 2021 (" + number + " de 2)",
                        "Online discussion of a winning film in the “Acting for Equality” category of "
                                + "Vues d'Afrique 2021 (" + number + " of 2)"))
                .description(LocalizedText.of(
                        "Rencontrez les cinéastes et les protagonistes d'un long métrage qui aborde l'égalité entre "
                                + "les femmes et les hommes, et échangez avec des acteurs du développement.",
                        "Meet the directors and protagonists of a feature film that addresses equality between "
                                + "women and men, and take part in exchanges with development actors."))
                .schedule(Schedule.ToBeAnnounced.unknown())
                .place(new Place.Online(null, null, null))
                .partner("ceci", PartnerRole.ORGANIZER)
                .partner("vues-d-afrique", PartnerRole.PARTNER)
                .themeTag("gender-equality")
                .build();
    }
}
