package org.jqsi.core.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One price of admission, in Canadian dollars.
 *
 * @param amount the amount in CAD, at most two decimals
 * @param label who pays it ("students"), or {@code null} for the only price
 */
public record Price(@DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal amount, @Valid LocalizedText label) {

    /** The currency of every price: jqsi is for a Quebec festival. */
    public static final String CURRENCY = "CAD";

    public Price {
        Objects.requireNonNull(amount, "amount");
    }
}
