package org.jqsi.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jqsi.core.model.AccessibilityFeature;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.Audience;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.EditionFormat;
import org.jqsi.core.model.Geo;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.Origin;
import org.jqsi.core.model.PartnerKind;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.PersonRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;

/**
 * The Jackson module that maps jqsi-core's model to the program file format: mix-ins for the records, and one
 * strict text form for each value written as a string (URLs, java.time values in ISO 8601, zone ids, language tags,
 * region codes, enum constants).
 *
 * <p>java.time values are handled here rather than by {@code jackson-datatype-jsr310}, whose readers also accept
 * arrays, numbers and lenient spellings: the file format, and its JSON Schema, have exactly one spelling each.
 */
public final class ProgramJacksonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** The shape of the language tags the format takes: {@code fr}, {@code en}, {@code fr-CA}. */
    static final Pattern LANGUAGE_TAG = Pattern.compile("^[a-z]{2,3}(-[A-Z]{2})?$");

    public ProgramJacksonModule() {
        super("jqsi-program");
        setMixInAnnotation(Schedule.class, ModelMixins.ScheduleMixin.class);
        setMixInAnnotation(Place.class, ModelMixins.PlaceMixin.class);
        setMixInAnnotation(Place.Venue.class, ModelMixins.PlacePartMixin.class);
        setMixInAnnotation(Place.Online.class, ModelMixins.PlacePartMixin.class);
        setMixInAnnotation(Activity.class, ModelMixins.ActivityMixin.class);
        setMixInAnnotation(Admission.class, ModelMixins.AdmissionMixin.class);
        setMixInAnnotation(Edition.class, ModelMixins.EditionMixin.class);
        setMixInAnnotation(Geo.class, ModelMixins.GeoMixin.class);
        setMixInAnnotation(Registration.class, ModelMixins.RegistrationMixin.class);

        // Jackson's own URI reader takes a number as text: 7 would become the relative URI "7".
        add(new TextForm<>(URI.class, URI::toString, URI::create));
        add(new TextForm<>(LocalDate.class, LocalDate::toString, IsoDateTimes::date));
        add(new TextForm<>(LocalDateTime.class, LocalDateTime::toString, IsoDateTimes::dateTime));
        add(new TextForm<>(LocalTime.class, LocalTime::toString, IsoDateTimes::time));
        add(new TextForm<>(Instant.class, Instant::toString, Instant::parse));
        add(new TextForm<>(ZoneId.class, ZoneId::getId, ProgramJacksonModule::zone));
        add(new TextForm<>(Locale.class, Locale::toLanguageTag, ProgramJacksonModule::language));
        add(new TextForm<>(Region.class, Region::code, ProgramJacksonModule::region));
        add(EnumSpelling.form(ActivityKind.class));
        add(EnumSpelling.form(Audience.class));
        add(EnumSpelling.form(AccessibilityFeature.class));
        add(EnumSpelling.form(EditionFormat.class));
        add(EnumSpelling.form(OnlinePlatform.class));
        add(EnumSpelling.form(PartnerKind.class));
        add(EnumSpelling.form(PartnerRole.class));
        add(EnumSpelling.form(PersonRole.class));
        add(EnumSpelling.form(Status.class));
        addSerializer(Origin.class, new OriginSerializer());
    }

    /**
     * An origin as {@code {"source": …, "uid": …}}, and the program file's as nothing: an activity of the file carries
     * no {@code "origin"} (the files written before origins existed stay as they were). Read back as any record.
     */
    private static final class OriginSerializer extends StdSerializer<Origin> {

        private static final long serialVersionUID = 1L;

        OriginSerializer() {
            super(Origin.class);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Origin value) {
            return value == null || value.isProgramFile();
        }

        @Override
        public void serialize(Origin value, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            g.writeStringField("source", value.source());
            g.writeStringField("uid", value.uid());
            g.writeEndObject();
        }
    }

    private <T> void add(TextForm<T> form) {
        addSerializer(form.type(), form.serializer());
        addDeserializer(form.type(), form.deserializer());
    }

    /**
     * The region ids, looked up once: {@link ZoneId#getAvailableZoneIds()} copies its set of some 600 ids at each
     * call, which made reading a zone cost more than reading the rest of an activity. Without the ids iCal4j adds to
     * the JDK's list once it has parsed a calendar in the same process ({@code ical4j-local-…}, some 1,500, some with
     * no rules behind them): a program file is written in IANA ids.
     */
    private static final Set<String> ZONE_IDS = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> !id.startsWith("ical4j")).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** One {@link ZoneId} object per id read, shared by every activity in that zone. */
    private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();

    /** Region ids only ({@code America/Toronto}): an offset would not follow daylight saving. */
    private static ZoneId zone(String id) {
        return ZONE_IDS.contains(id) ? ZONES.computeIfAbsent(id, ZoneId::of) : null;
    }

    /**
     * One {@link Locale} per tag read: a program names two or three languages, for every activity. Bounded, so that a
     * file full of made-up tags cannot fill the memory.
     */
    private static final Map<String, Locale> LANGUAGES = new ConcurrentHashMap<>();
    private static final int MAX_LANGUAGES = 64;

    private static Locale language(String tag) {
        Locale known = LANGUAGES.get(tag);
        if (known != null) {
            return known;
        }
        if (!LANGUAGE_TAG.matcher(tag).matches()) {
            return null;
        }
        Locale language = Locale.forLanguageTag(tag);
        if (LANGUAGES.size() < MAX_LANGUAGES) {
            LANGUAGES.putIfAbsent(tag, language);
        }
        return language;
    }

    private static Region region(String code) {
        return code.length() == 2 ? Region.byCode(code).orElse(null) : null;
    }
}
