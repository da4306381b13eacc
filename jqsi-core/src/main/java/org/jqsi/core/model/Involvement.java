package org.jqsi.core.model;

import jakarta.validation.constraints.NotBlank;
import java.util.Objects;

/**
 * A partner's part in an activity: which partner, by id, and in what role.
 *
 * @param partnerId the {@link Partner#id()} of the partner
 * @param role what the partner does for the activity
 */
public record Involvement(@NotBlank String partnerId, PartnerRole role) {

    public Involvement {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(role, "role");
    }
}
