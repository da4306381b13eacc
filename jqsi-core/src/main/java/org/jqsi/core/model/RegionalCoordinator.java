package org.jqsi.core.model;

import jakarta.validation.constraints.NotBlank;
import java.util.Objects;

/**
 * The partner that coordinates an edition's activities in one region (CS3R in the Mauricie in 2020).
 *
 * @param region the region
 * @param partnerId the {@link Partner#id()} of the coordinating partner
 */
public record RegionalCoordinator(Region region, @NotBlank String partnerId) {

    public RegionalCoordinator {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(partnerId, "partnerId");
    }
}
