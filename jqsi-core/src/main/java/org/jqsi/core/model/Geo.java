package org.jqsi.core.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * A point on Earth, in degrees (WGS 84), as iCalendar's {@code GEO} and schema.org's {@code GeoCoordinates} take it.
 *
 * @param latitude from -90 to 90
 * @param longitude from -180 to 180
 */
public record Geo(@DecimalMin("-90") @DecimalMax("90") double latitude,
        @DecimalMin("-180") @DecimalMax("180") double longitude) {
}
