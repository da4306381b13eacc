package org.jqsi.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/**
 * A postal address in Quebec.
 *
 * @param street street and number, or {@code null}
 * @param municipality the municipality ("Trois-Rivières"), required
 * @param postalCode a Canadian postal code ("G9A 5H7"), or {@code null}
 */
public record Address(
        @Size(max = 200) String street,
        @NotBlank @Size(max = 120) String municipality,
        @Pattern(regexp = "^[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d$") String postalCode) {

    public Address {
        Objects.requireNonNull(municipality, "municipality");
    }

    /** An address known only by its municipality. */
    public static Address in(String municipality) {
        return new Address(null, municipality, null);
    }
}
