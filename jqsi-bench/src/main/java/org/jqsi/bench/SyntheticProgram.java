package org.jqsi.bench;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.EditionFormat;
import org.jqsi.core.model.Geo;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.PartnerKind;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.model.Theme;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.ProgramData;

/**
 * A made-up program of any size, the same for the same size and seed: one November edition, partners in every
 * region, and activities of every kind in the 17 regions, in person, online or both, with French accents, some
 * cancelled or moved, some over a window of days, a few on the Magdalen Islands' Atlantic time.
 */
public final class SyntheticProgram {

    /** The sizes the benchmarks run with. */
    public static final int SMALL = 1_000;
    public static final int MEDIUM = 10_000;
    public static final int LARGE = 100_000;

    public static final String EDITION = "jqsi-2021";
    private static final long SEED = 20_211_101L;
    private static final ZoneId HALIFAX = ZoneId.of("America/Halifax");
    private static final int PARTNERS = 200;
    private static final String[] TAGS = {"migration-justice", "gender-equality", "climate-justice",
            "food-sovereignty", "decolonisation"};
    private static final String[] TITLES = {"Échanges sur la justice migratoire", "Ciné-débat : « Loin de Bachar »",
            "Atelier d'écriture solidaire", "Conférence : l'économie sociale en Haïti", "Quiz « Le monde en 80 questions »",
            "Exposition « Changer le monde, une œuvre à la fois »", "Panel : féminismes du Sud",
            "Concert de musiques du monde", "Discussion : souveraineté alimentaire au Sénégal",
            "Lancement du rapport sur la coopération québécoise"};
    private static final String DESCRIPTION = "Une rencontre pour réfléchir ensemble aux inégalités mondiales, "
            + "avec des intervenantes et intervenants d'ici et d'ailleurs ; période d'échanges, café équitable et "
            + "bouchées offertes. Changer le monde, une œuvre à la fois : l'entrée est libre, l'inscription "
            + "souhaitée.";

    private SyntheticProgram() {
    }

    /** A program of {@code size} activities. */
    public static Program of(int size) {
        return Program.of(data(size));
    }

    /** The content of a program of {@code size} activities. */
    public static ProgramData data(int size) {
        SplittableRandom random = new SplittableRandom(SEED);
        Edition edition = new Edition(EDITION, 25, 2021, LocalDate.of(2021, 11, 1), LocalDate.of(2021, 11, 30),
                new Theme(LocalizedText.of("Justice climatique", "Climate justice"), null, List.of(TAGS[2])),
                EditionFormat.HYBRID, List.of(), "partenaire-0", List.of());
        List<Partner> partners = new ArrayList<>(PARTNERS);
        for (int i = 0; i < PARTNERS; i++) {
            partners.add(new Partner("partenaire-" + i,
                    LocalizedText.of("Comité de solidarité régional n° " + i, "Regional solidarity committee " + i),
                    i % 3 == 0 ? "CSR" + i : null, PartnerKind.values()[i % PartnerKind.values().length],
                    i % 2 == 0 ? URI.create("https://partenaire-" + i + ".example.org/") : null));
        }
        Region[] regions = Region.values();
        ActivityKind[] kinds = ActivityKind.values();
        List<Activity> activities = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Region region = regions[i % regions.length];
            ActivityKind kind = kinds[random.nextInt(kinds.length)];
            ZoneId zone = region == Region.GASPESIE_ILES_DE_LA_MADELEINE && i % 2 == 0 ? HALIFAX : Region.EASTERN;
            LocalDate day = edition.start().plusDays(random.nextInt(30));
            Schedule schedule = schedule(random, day, zone, kind);
            Activity.Builder builder = Activity.builder("activite-" + i)
                    .edition(EDITION)
                    .kind(kind)
                    .title(LocalizedText.of(TITLES[random.nextInt(TITLES.length)] + " (" + region.displayName().fr()
                            + ")", i % 2 == 0 ? "Solidarity event " + i : null))
                    .description(LocalizedText.of(DESCRIPTION, i % 3 == 0 ? "A meeting on global inequalities." : null))
                    .schedule(schedule)
                    .place(place(random, i, region))
                    .region(region)
                    .partner("partenaire-" + random.nextInt(PARTNERS), PartnerRole.ORGANIZER)
                    .themeTag(TAGS[random.nextInt(TAGS.length)])
                    .admission(i % 4 == 0 ? Admission.free() : null)
                    .lastModified(Instant.parse("2021-10-01T12:00:00Z").plusSeconds(i * 60L));
            int fate = random.nextInt(100);
            if (fate < 5) {
                builder.status(Status.CANCELLED).revision(1);
            } else if (fate < 8 && schedule instanceof Schedule.Timed timed) {
                builder.status(Status.RESCHEDULED).previousStart(timed.start().minusDays(1)).revision(2);
            } else if (fate < 10) {
                builder.status(Status.POSTPONED).revision(1);
            }
            activities.add(builder.build());
        }
        return new ProgramData(List.of(edition), partners, activities);
    }

    private static Schedule schedule(SplittableRandom random, LocalDate day, ZoneId zone, ActivityKind kind) {
        if (kind == ActivityKind.EXHIBITION || random.nextInt(20) == 0) {
            LocalDate last = day.plusDays(1 + random.nextInt(5));
            return random.nextBoolean() ? Schedule.Window.days(day, last, zone)
                    : new Schedule.Window(day, last, LocalTime.of(10, 0), LocalTime.of(17, 0), zone);
        }
        LocalDateTime start = day.atTime(9 + random.nextInt(12), random.nextBoolean() ? 0 : 30);
        return random.nextInt(5) == 0 ? Schedule.Timed.at(start, zone)
                : Schedule.Timed.between(start, start.plusMinutes(60 + 30L * random.nextInt(5)), zone);
    }

    private static Place place(SplittableRandom random, int i, Region region) {
        Place.Venue venue = new Place.Venue("Salle Anaïs-Allard-Rousseau n° " + i,
                new Address(i + " rue de l'Église", region.displayName().fr(), null),
                random.nextBoolean() ? new Geo(45 + random.nextDouble() * 3, -75 + random.nextDouble() * 14) : null);
        Place.Online online = new Place.Online(URI.create("https://www.facebook.com/events/" + (100_000 + i)),
                OnlinePlatform.FACEBOOK, null);
        return switch (random.nextInt(3)) {
            case 0 -> venue;
            case 1 -> online;
            default -> new Place.Hybrid(venue, online);
        };
    }
}
