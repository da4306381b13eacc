package org.jqsi.core.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One year's festival: the 24th edition ran from November 5 to 14, 2020, online, on migration justice.
 *
 * @param id stable, slug-shaped identifier ({@code jqsi-2020})
 * @param number its ordinal (24 for 2020), or {@code null} when not known
 * @param year the year it takes place
 * @param start its first day
 * @param end its last day, inclusive
 * @param theme its theme, or {@code null} when none was announced
 * @param format in person, virtual or hybrid, or {@code null} when not announced
 * @param spokespersons its spokespersons
 * @param coordinatorId the {@link Partner#id()} of the partner that organises it province-wide, or {@code null}
 * @param regionalCoordinators who coordinates it in each region
 */
public record Edition(
        @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.SLUG) String id,
        @Positive Integer number,
        @Min(1990) @Max(2200) int year,
        LocalDate start,
        LocalDate end,
        @Valid Theme theme,
        EditionFormat format,
        List<@Valid Person> spokespersons,
        String coordinatorId,
        List<@Valid RegionalCoordinator> regionalCoordinators) {

    public Edition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        spokespersons = spokespersons == null ? List.of() : List.copyOf(spokespersons);
        regionalCoordinators = regionalCoordinators == null ? List.of() : List.copyOf(regionalCoordinators);
    }

    /** Whether a day falls within the edition's dates. */
    public boolean includes(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** The partner that coordinates the edition in a region, if one was named. */
    public Optional<String> coordinatorIn(Region region) {
        return regionalCoordinators.stream()
                .filter(c -> c.region() == region)
                .map(RegionalCoordinator::partnerId)
                .findFirst();
    }
}
