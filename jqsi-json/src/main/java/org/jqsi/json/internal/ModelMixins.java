package org.jqsi.json.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.Nulls;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jqsi.core.model.Person;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Price;
import org.jqsi.core.model.RegionalCoordinator;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Theme;
import org.jqsi.core.model.EditionFormat;

/**
 * Jackson annotations for the core's records, kept here so that {@code jqsi-core} carries none. The records map by
 * their component names; these mix-ins add only what names cannot say: the {@code "type"} of a schedule or place,
 * which values may be left out, and which numbers and booleans are required: Jackson reads a missing or null
 * primitive as 0 or {@code false}, which is right for an activity's {@code revision} and wrong for a latitude.
 */
final class ModelMixins {

    private ModelMixins() {
    }

    /** A schedule says which kind it is in {@code "type"}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Schedule.Timed.class, name = "timed"),
            @JsonSubTypes.Type(value = Schedule.Window.class, name = "window"),
            @JsonSubTypes.Type(value = Schedule.ToBeAnnounced.class, name = "tba")})
    interface ScheduleMixin {
    }

    /** A place says which kind it is in {@code "type"}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Place.Venue.class, name = "venue"),
            @JsonSubTypes.Type(value = Place.Online.class, name = "online"),
            @JsonSubTypes.Type(value = Place.Hybrid.class, name = "hybrid")})
    interface PlaceMixin {
    }

    /**
     * Inside a hybrid place, {@code "venue"} and {@code "online"} can only be what they say: no {@code "type"} there.
     * When a venue or an online place stands as a {@link Place}, the type comes from {@link PlaceMixin}.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    interface PlacePartMixin {
    }

    /** Free admission is an empty list of prices, which is written rather than left out. */
    abstract static class AdmissionMixin {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract List<Price> prices();
    }

    /** Revision 0 is the default: left out of files so that most activities do not carry it. */
    abstract static class ActivityMixin {
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract int revision();
    }

    /** The year is required. */
    abstract static class EditionMixin {
        @JsonCreator
        EditionMixin(@JsonProperty("id") String id,
                @JsonProperty("number") Integer number,
                @JsonProperty(value = "year", required = true) @JsonSetter(nulls = Nulls.FAIL) int year,
                @JsonProperty("start") LocalDate start,
                @JsonProperty("end") LocalDate end,
                @JsonProperty("theme") Theme theme,
                @JsonProperty("format") EditionFormat format,
                @JsonProperty("spokespersons") List<Person> spokespersons,
                @JsonProperty("coordinatorId") String coordinatorId,
                @JsonProperty("regionalCoordinators") List<RegionalCoordinator> regionalCoordinators) {
        }
    }

    /** Both coordinates are required. */
    abstract static class GeoMixin {
        @JsonCreator
        GeoMixin(@JsonProperty(value = "latitude", required = true) @JsonSetter(nulls = Nulls.FAIL) double latitude,
                @JsonProperty(value = "longitude", required = true) @JsonSetter(nulls = Nulls.FAIL)
                double longitude) {
        }
    }

    /** Whether registration is required must be said. */
    abstract static class RegistrationMixin {
        @JsonCreator
        RegistrationMixin(
                @JsonProperty(value = "required", required = true) @JsonSetter(nulls = Nulls.FAIL) boolean required,
                @JsonProperty("url") URI url,
                @JsonProperty("contact") String contact,
                @JsonProperty("deadline") LocalDate deadline) {
        }
    }

}
