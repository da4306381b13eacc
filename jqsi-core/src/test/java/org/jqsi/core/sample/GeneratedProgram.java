package org.jqsi.core.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.EditionFormat;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.PartnerKind;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Price;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.model.Theme;

/**
 * A large program made up for tests: editions 2019 to 2023, every region and kind, a mix of places and schedules
 * (some in the Magdalen Islands' zone, some over several days, some undated, some province-wide without a region),
 * French text with accents. The same seed gives the same program.
 */
public final class GeneratedProgram {

    private static final ZoneId MAGDALEN_ISLANDS = ZoneId.of("America/Halifax");
    private static final String[] WORDS = {"solidarité", "réfugiés", "œuvre", "climat", "égalité", "femmes",
        "migration", "paix", "écologie", "justice", "santé", "éducation"};

    private GeneratedProgram() {
    }

    public static ProgramData of(int activities, long seed) {
        Random random = new Random(seed);
        List<Edition> editions = new ArrayList<>();
        for (int year = 2019; year <= 2023; year++) {
            editions.add(new Edition("jqsi-" + year, year - 1996, year, LocalDate.of(year, 11, 1),
                    LocalDate.of(year, 11, 30), new Theme(LocalizedText.fr("Thème " + year), null,
                            List.of("theme-" + year)), EditionFormat.HYBRID, List.of(), "p0", List.of()));
        }
        List<Partner> partners = new ArrayList<>();
        for (int p = 0; p < 40; p++) {
            partners.add(new Partner("p" + p, LocalizedText.fr("Organisme québécois n° " + p), null,
                    PartnerKind.values()[p % PartnerKind.values().length], null));
        }
        List<Activity> list = new ArrayList<>(activities);
        for (int i = 0; i < activities; i++) {
            list.add(activity(i, random));
        }
        return new ProgramData(editions, partners, list);
    }

    /**
     * The activities of {@link #of(int, long)}, the same ones in the same order, one at a time without holding them:
     * for a program file larger than memory (a million activities), written after {@code of(0, seed)}'s editions and
     * partners.
     */
    public static void forEachActivity(int activities, long seed, java.util.function.Consumer<Activity> each) {
        Random random = new Random(seed);
        for (int i = 0; i < activities; i++) {
            each.accept(activity(i, random));
        }
    }

    private static Activity activity(int i, Random random) {
        int year = 2019 + random.nextInt(5);
        Region region = Region.values()[random.nextInt(Region.values().length)];
        ZoneId zone = region == Region.GASPESIE_ILES_DE_LA_MADELEINE && random.nextBoolean()
                ? MAGDALEN_ISLANDS : Region.EASTERN;
        String w1 = WORDS[random.nextInt(WORDS.length)];
        String w2 = WORDS[random.nextInt(WORDS.length)];
        Activity.Builder b = Activity.builder("activite-" + i)
                .edition("jqsi-" + year)
                .kind(ActivityKind.values()[random.nextInt(ActivityKind.values().length)])
                .title(LocalizedText.of("Activité " + i + " : " + w1 + " et " + w2, "Activity " + i))
                .description(LocalizedText.fr("Une rencontre sur la " + w2 + " à " + region.displayName().fr()))
                .region(random.nextInt(30) == 0 ? null : region)
                .partner("p" + random.nextInt(40), PartnerRole.ORGANIZER)
                .language(random.nextInt(4) == 0 ? Locale.ENGLISH : Locale.FRENCH)
                .status(random.nextInt(20) == 0 ? Status.CANCELLED : Status.SCHEDULED)
                .admission(random.nextBoolean() ? Admission.free()
                        : Admission.paid(new Price(java.math.BigDecimal.valueOf(5 + random.nextInt(20)), null)))
                .registration(random.nextInt(3) == 0 ? Registration.requiredAt(
                        java.net.URI.create("https://example.org/inscription/" + i)) : null);
        if (random.nextInt(10) == 0) {
            b.themeTag("theme-special");
        }
        int day = 1 + random.nextInt(30);
        int shape = random.nextInt(20);
        if (shape == 0) {
            b.schedule(Schedule.ToBeAnnounced.unknown());
        } else if (shape <= 2) {
            LocalDate first = LocalDate.of(year, 11, day);
            b.schedule(Schedule.Window.days(first, first.plusDays(random.nextInt(20)), zone));
        } else {
            LocalDateTime start = LocalDateTime.of(year, 11, day, 9 + random.nextInt(12), 15 * random.nextInt(4));
            b.schedule(random.nextBoolean() ? Schedule.Timed.at(start, zone)
                    : Schedule.Timed.between(start, start.plusMinutes(60 + 30L * random.nextInt(6)), zone));
        }
        int place = random.nextInt(3);
        Place.Venue venue = new Place.Venue("Salle " + i, Address.in("Trois-Rivières"), null);
        Place.Online online = new Place.Online(java.net.URI.create("https://example.org/direct/" + i),
                OnlinePlatform.WEBSITE, null);
        b.place(place == 0 ? venue : place == 1 ? online : new Place.Hybrid(venue, online));
        return b.build();
    }
}
