package org.jqsi.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jqsi.core.model.AccessibilityFeature;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityImage;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.AttendanceMode;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.EditionFormat;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Person;
import org.jqsi.core.model.PersonRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Price;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.QueryResult;
import org.jqsi.json.internal.JsonMessages;
import org.jqsi.json.internal.ScriptSafeEscapes;

/**
 * Activities as schema.org {@code Event}s in JSON-LD, the way search engines read them (Google's event rich
 * results): one activity as an {@code Event}, a list of them (a query's page) as an {@code ItemList}. The language
 * chosen decides which text goes in. Activities "to be announced" have no date, which an {@code Event} needs: they
 * are left out.
 *
 * <p>What goes where:
 * <ul>
 *   <li>{@code startDate}, {@code endDate}: a timed activity's local times with their UTC offset on that day
 *       ({@code 2021-11-06T19:30:00-04:00}, {@code 2021-11-08T19:30:00-05:00}); an all-day window's first and last
 *       days as dates; a window with hours, its opening and closing times;</li>
 *   <li>{@code eventAttendanceMode}: offline, online or mixed, from the place; online for an activity moved
 *       online, whatever hall its place still names ({@link Activity#heldPlace()});</li>
 *   <li>{@code eventStatus}: scheduled, cancelled, postponed, rescheduled (with {@code previousStartDate}) or moved
 *       online;</li>
 *   <li>{@code location}: a {@code Place} with a {@code PostalAddress} (and {@code GeoCoordinates}), a
 *       {@code VirtualLocation} with its URL (the activity's page when the program has no link yet, since search
 *       engines require one), or both for a hybrid activity. With no place announced yet (Google requires a
 *       location and an attendance mode): in a virtual edition, a {@code VirtualLocation} at the activity's page,
 *       online; otherwise a {@code Place} "Lieu à confirmer, Mauricie" ("Venue to be announced, ...") with the
 *       region's name (Québec without one) and a Quebec address, offline;</li>
 *   <li>{@code organizer}: the partners that organise or co-organise it, or when none is named, its regional
 *       coordinators, or when none either, the edition's coordinator (as the {@code .ics} does), as
 *       {@code Organization}s;</li>
 *   <li>{@code performer}: the speakers, performers, hosts and directors, as {@code Person}s, each once;</li>
 *   <li>{@code offers}: only when admission is known: one {@code Offer} per price in CAD, or a price of 0 when it is
 *       free, with the registration URL (else the activity's page) and {@code availability} {@code InStock} (jqsi
 *       does not count seats; a cancellation is said by {@code eventStatus});</li>
 *   <li>{@code inLanguage}, {@code description}, {@code url} (the activity's page), and {@code superEvent}: the
 *       edition, as an {@code Event} over its dates;</li>
 *   <li>{@code image}: its picture as an {@code ImageObject} (its alternative text as {@code caption}, its size,
 *       {@code creditText}, and its license's words as {@code copyrightNotice});</li>
 *   <li>{@code accessibilityFeature}: what it offers people with a disability, as the program format's documentation
 *       maps each code ({@code signLanguage}, {@code captions}, {@code wheelchairAccessible}...).</li>
 * </ul>
 * A property with one value is written as that value, with several as an array. The output escapes {@code <},
 * {@code >} and {@code &} (as {@code \u003C}...), and LINE and PARAGRAPH SEPARATOR, once each, so it can go as is into
 * a {@code <script type="application/ld+json">} element. Thread-safe.
 */
public final class EventJsonLd {

    private static final String SCHEMA = "https://schema.org/";
    private static final DateTimeFormatter OFFSET_DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Function<Activity, URI> pageUrl;
    private final JsonFactory factory;

    /**
     * @param pageUrl the address of an activity's page on the site that publishes the program
     */
    public EventJsonLd(Function<Activity, URI> pageUrl) {
        this.pageUrl = Objects.requireNonNull(pageUrl, "pageUrl");
        this.factory = new JsonFactoryBuilder().characterEscapes(new ScriptSafeEscapes()).build();
    }

    /**
     * With activity pages at a URL template in which {@code {id}} stands for the activity's id:
     * {@code "https://example.org/jqsi/activities/{id}"}.
     */
    public static EventJsonLd withPagesAt(String template) {
        Objects.requireNonNull(template, "template");
        if (!template.contains("{id}")) {
            throw new IllegalArgumentException("template: no {id} in " + template);
        }
        URI.create(template.replace("{id}", "x"));
        return new EventJsonLd(activity -> URI.create(template.replace("{id}", activity.id())));
    }

    /** An activity as a schema.org {@code Event}, or empty when it is to be announced. */
    public Optional<String> event(Program program, Activity activity, Language language) {
        if (!activity.schedule().isDated()) {
            return Optional.empty();
        }
        return Optional.of(write(g -> {
            g.writeStartObject();
            g.writeStringField("@context", "https://schema.org");
            writeEventFields(g, program, activity, language);
            g.writeEndObject();
        }));
    }

    /** The dated activities of a query's page as a schema.org {@code ItemList}, in the page's order. */
    public String itemList(Program program, QueryResult page, Language language) {
        return itemList(program, page.items(), language);
    }

    /** The dated activities of a list as a schema.org {@code ItemList}, in its order. */
    public String itemList(Program program, List<Activity> activities, Language language) {
        return write(g -> writeItemList(g, program, activities, language));
    }

    /** Writes the {@code ItemList} of {@link #itemList(Program, List, Language)} to {@code out}, not closed. */
    public void writeItemList(Program program, List<Activity> activities, Language language, Writer out)
            throws IOException {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            writeItemList(g, program, activities, language);
        }
    }

    private void writeItemList(JsonGenerator g, Program program, List<Activity> activities, Language language)
            throws IOException {
        List<Activity> dated = activities.stream().filter(a -> a.schedule().isDated()).toList();
        g.writeStartObject();
        g.writeStringField("@context", "https://schema.org");
        g.writeStringField("@type", "ItemList");
        g.writeNumberField("numberOfItems", dated.size());
        g.writeArrayFieldStart("itemListElement");
        int position = 1;
        for (Activity activity : dated) {
            g.writeStartObject();
            g.writeStringField("@type", "ListItem");
            g.writeNumberField("position", position++);
            g.writeFieldName("item");
            g.writeStartObject();
            writeEventFields(g, program, activity, language);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeEventFields(JsonGenerator g, Program program, Activity activity, Language language)
            throws IOException {
        URI page = pageUrl.apply(activity);
        g.writeStringField("@type", "Event");
        g.writeStringField("name", activity.title().in(language));
        if (activity.description() != null) {
            g.writeStringField("description", activity.description().in(language));
        }
        g.writeStringField("url", page.toString());
        writeDates(g, activity.schedule());
        // An activity moved online is held online, whatever hall its place still names.
        Place held = activity.heldPlace().orElse(null);
        Edition editionOf = program.edition(activity.editionId()).orElse(null);
        boolean virtualEdition = editionOf != null && editionOf.format() == EditionFormat.VIRTUAL;
        if (held != null) {
            g.writeStringField("eventAttendanceMode", attendance(held.attendanceMode()));
        } else {
            // Google requires both: a place not announced yet is online in a virtual edition, else in the region.
            g.writeStringField("eventAttendanceMode",
                    attendance(virtualEdition ? AttendanceMode.ONLINE : AttendanceMode.IN_PERSON));
        }
        g.writeStringField("eventStatus", SCHEMA + status(activity.status()));
        if (activity.status() == Status.RESCHEDULED && activity.previousStart() != null) {
            ZoneId zone = activity.schedule().zoneId().orElse(Region.EASTERN);
            g.writeStringField("previousStartDate", offsetDateTime(activity.previousStart(), zone));
        }
        if (held != null) {
            writeLocation(g, program, held, page);
        } else if (virtualEdition) {
            g.writeFieldName("location");
            writeVirtual(g, program, new Place.Online(null, null, null), page);
        } else {
            g.writeFieldName("location");
            writePlaceToBeAnnounced(g, activity.region(), language);
        }
        writeOrganizers(g, program, activity, language);
        writePerformers(g, activity);
        if (activity.admission() != null) {
            writeOffers(g, activity, page, language);
        }
        writeLanguages(g, activity.languages());
        writeImage(g, activity.image(), language);
        writeAccessibility(g, activity.accessibility());
        Optional<Edition> edition = program.edition(activity.editionId());
        if (edition.isPresent()) {
            g.writeFieldName("superEvent");
            writeEdition(g, edition.get(), language);
        }
    }

    private static void writeDates(JsonGenerator g, Schedule schedule) throws IOException {
        if (schedule instanceof Schedule.Timed timed) {
            g.writeStringField("startDate", offsetDateTime(timed.start(), timed.zone()));
            if (timed.end() != null) {
                g.writeStringField("endDate", offsetDateTime(timed.end(), timed.zone()));
            }
        } else if (schedule instanceof Schedule.Window window) {
            g.writeStringField("startDate", window.opens() == null ? window.first().toString()
                    : offsetDateTime(window.first().atTime(window.opens()), window.zone()));
            g.writeStringField("endDate", window.closes() == null ? window.last().toString()
                    : offsetDateTime(window.last().atTime(window.closes()), window.zone()));
        }
    }

    /** The local time with the offset its zone has on that day: -04:00 before the first Sunday of November. */
    private static String offsetDateTime(LocalDateTime time, ZoneId zone) {
        return ZonedDateTime.of(time, zone).toOffsetDateTime().format(OFFSET_DATE_TIME);
    }

    private static String attendance(AttendanceMode mode) {
        return SCHEMA + switch (mode) {
            case IN_PERSON -> "OfflineEventAttendanceMode";
            case ONLINE -> "OnlineEventAttendanceMode";
            case MIXED -> "MixedEventAttendanceMode";
        };
    }

    private static String status(Status status) {
        return switch (status) {
            case SCHEDULED -> "EventScheduled";
            case CANCELLED -> "EventCancelled";
            case POSTPONED -> "EventPostponed";
            case RESCHEDULED -> "EventRescheduled";
            case MOVED_ONLINE -> "EventMovedOnline";
        };
    }

    private void writeLocation(JsonGenerator g, Program program, Place place, URI page) throws IOException {
        g.writeFieldName("location");
        if (place instanceof Place.Hybrid hybrid) {
            g.writeStartArray();
            writeVenue(g, hybrid.venue());
            writeVirtual(g, program, hybrid.online(), page);
            g.writeEndArray();
        } else if (place instanceof Place.Venue venue) {
            writeVenue(g, venue);
        } else if (place instanceof Place.Online online) {
            writeVirtual(g, program, online, page);
        }
    }

    /** A venue not announced yet: where it is known to be, the region (or Quebec), with its address that far. */
    private static void writePlaceToBeAnnounced(JsonGenerator g, Region region, Language language)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("@type", "Place");
        String where = region != null ? region.displayName().in(language) : "Québec";
        g.writeStringField("name", JsonMessages.message(language, "jsonld.venue-to-be-announced", where));
        g.writeObjectFieldStart("address");
        g.writeStringField("@type", "PostalAddress");
        g.writeStringField("addressRegion", "QC");
        g.writeStringField("addressCountry", "CA");
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeVenue(JsonGenerator g, Place.Venue venue) throws IOException {
        g.writeStartObject();
        g.writeStringField("@type", "Place");
        g.writeStringField("name", venue.name());
        Address address = venue.address();
        g.writeObjectFieldStart("address");
        g.writeStringField("@type", "PostalAddress");
        if (address.street() != null) {
            g.writeStringField("streetAddress", address.street());
        }
        g.writeStringField("addressLocality", address.municipality());
        if (address.postalCode() != null) {
            g.writeStringField("postalCode", address.postalCode());
        }
        g.writeStringField("addressRegion", "QC");
        g.writeStringField("addressCountry", "CA");
        g.writeEndObject();
        if (venue.geo() != null) {
            g.writeObjectFieldStart("geo");
            g.writeStringField("@type", "GeoCoordinates");
            g.writeNumberField("latitude", venue.geo().latitude());
            g.writeNumberField("longitude", venue.geo().longitude());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Search engines require a URL: the link, else the host partner's site, else the activity's page. */
    private static void writeVirtual(JsonGenerator g, Program program, Place.Online online, URI page)
            throws IOException {
        URI url = online.link()
                .or(() -> Optional.ofNullable(online.hostPartnerId()).flatMap(program::partner)
                        .flatMap(Partner::site))
                .orElse(page);
        g.writeStartObject();
        g.writeStringField("@type", "VirtualLocation");
        g.writeStringField("url", url.toString());
        g.writeEndObject();
    }

    private static void writeOrganizers(JsonGenerator g, Program program, Activity activity, Language language)
            throws IOException {
        Set<String> ids = new LinkedHashSet<>(activity.partnersIn(PartnerRole.ORGANIZER));
        ids.addAll(activity.partnersIn(PartnerRole.CO_ORGANIZER));
        if (ids.isEmpty()) {
            ids.addAll(activity.partnersIn(PartnerRole.REGIONAL_COORDINATOR));
        }
        List<Partner> organizers = ids.stream().map(program::partner).flatMap(Optional::stream).toList();
        if (organizers.isEmpty()) {
            // As the .ics does: whoever coordinates the edition province-wide.
            organizers = program.edition(activity.editionId()).map(Edition::coordinatorId)
                    .flatMap(program::partner).stream().toList();
        }
        if (organizers.isEmpty()) {
            return;
        }
        g.writeFieldName("organizer");
        writeOneOrMany(g, organizers, partner -> writeOrganization(g, partner, language));
    }

    private static void writeOrganization(JsonGenerator g, Partner partner, Language language) throws IOException {
        g.writeStartObject();
        g.writeStringField("@type", "Organization");
        g.writeStringField("name", partner.name().in(language));
        if (partner.acronym() != null) {
            g.writeStringField("alternateName", partner.acronym());
        }
        if (partner.website() != null) {
            g.writeStringField("url", partner.website().toString());
        }
        g.writeEndObject();
    }

    private static void writePerformers(JsonGenerator g, Activity activity) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Person person : activity.people()) {
            if (person.role() != PersonRole.SPOKESPERSON) {
                names.add(person.name());
            }
        }
        if (names.isEmpty()) {
            return;
        }
        g.writeFieldName("performer");
        writeOneOrMany(g, new ArrayList<>(names), name -> {
            g.writeStartObject();
            g.writeStringField("@type", "Person");
            g.writeStringField("name", name);
            g.writeEndObject();
        });
    }

    private static void writeOffers(JsonGenerator g, Activity activity, URI page, Language language)
            throws IOException {
        String url = activity.registration() != null && activity.registration().url() != null
                ? activity.registration().url().toString() : page.toString();
        List<Price> prices = activity.admission().prices().isEmpty()
                ? List.of(new Price(BigDecimal.ZERO, null)) : activity.admission().prices();
        g.writeFieldName("offers");
        writeOneOrMany(g, prices, price -> {
            g.writeStartObject();
            g.writeStringField("@type", "Offer");
            if (price.label() != null) {
                g.writeStringField("name", price.label().in(language));
            }
            g.writeFieldName("price");
            g.writeNumber(price.amount());
            g.writeStringField("priceCurrency", Price.CURRENCY);
            // Google asks for it; jqsi does not count seats, and a cancellation is said by eventStatus.
            g.writeStringField("availability", SCHEMA + "InStock");
            g.writeStringField("url", url);
            g.writeEndObject();
        });
    }

    private static void writeImage(JsonGenerator g, ActivityImage image, Language language) throws IOException {
        if (image == null) {
            return;
        }
        g.writeFieldName("image");
        g.writeStartObject();
        g.writeStringField("@type", "ImageObject");
        g.writeStringField("url", image.url().toString());
        if (image.alt() != null) {
            g.writeStringField("caption", image.alt().in(language));
        }
        if (image.width() != null && image.height() != null) {
            g.writeNumberField("width", image.width());
            g.writeNumberField("height", image.height());
        }
        if (image.credit() != null) {
            g.writeStringField("creditText", image.credit());
        }
        if (image.license() != null) {
            g.writeStringField("copyrightNotice", image.license());
        }
        g.writeEndObject();
    }

    /** The program format's codes as schema.org's accessibilityFeature values (docs/program-format.md). */
    private static void writeAccessibility(JsonGenerator g, List<AccessibilityFeature> features) throws IOException {
        if (features.isEmpty()) {
            return;
        }
        g.writeFieldName("accessibilityFeature");
        writeOneOrMany(g, features, feature -> g.writeString(switch (feature) {
            case WHEELCHAIR -> "wheelchairAccessible";
            case ACCESSIBLE_TOILETS -> "accessibleToilets";
            case SIGN_LANGUAGE -> "signLanguage";
            case CAPTIONS -> "captions";
            case AUDIO_DESCRIPTION -> "audioDescription";
            case QUIET_SPACE -> "quietSpace";
            case HEARING_LOOP -> "hearingLoop";
        }));
    }

    private static void writeLanguages(JsonGenerator g, List<Locale> languages) throws IOException {
        if (languages.isEmpty()) {
            return;
        }
        g.writeFieldName("inLanguage");
        writeOneOrMany(g, languages, locale -> g.writeString(locale.toLanguageTag()));
    }

    private static void writeEdition(JsonGenerator g, Edition edition, Language language) throws IOException {
        g.writeStartObject();
        g.writeStringField("@type", "Event");
        g.writeStringField("name", editionName(edition, language));
        g.writeStringField("startDate", edition.start().toString());
        g.writeStringField("endDate", edition.end().toString());
        if (edition.format() != null) {
            g.writeStringField("eventAttendanceMode", attendance(switch (edition.format()) {
                case IN_PERSON -> AttendanceMode.IN_PERSON;
                case VIRTUAL -> AttendanceMode.ONLINE;
                case HYBRID -> AttendanceMode.MIXED;
            }));
        }
        g.writeEndObject();
    }

    /** "Journées québécoises de la solidarité internationale 2020 : Justice migratoire". */
    static String editionName(Edition edition, Language language) {
        String name = JsonMessages.message(language, "jsonld.edition", edition.year());
        if (edition.theme() == null) {
            return name;
        }
        return JsonMessages.message(language, "jsonld.edition-theme", name, edition.theme().title().in(language));
    }

    @FunctionalInterface
    private interface ItemWriter<T> {
        void write(T item) throws IOException;
    }

    private static <T> void writeOneOrMany(JsonGenerator g, List<T> items, ItemWriter<T> writer) throws IOException {
        if (items.size() == 1) {
            writer.write(items.get(0));
            return;
        }
        g.writeStartArray();
        for (T item : items) {
            writer.write(item);
        }
        g.writeEndArray();
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }
}
