package org.jqsi.core.model;

import jakarta.validation.Valid;
import java.util.List;

/**
 * What it costs to attend: free, or one or more prices in CAD.
 *
 * @param prices the prices; empty when admission is free
 */
public record Admission(List<@Valid Price> prices) {

    private static final Admission FREE = new Admission(List.of());

    public Admission {
        prices = prices == null ? List.of() : List.copyOf(prices);
    }

    /** Free admission. */
    public static Admission free() {
        return FREE;
    }

    /** Admission at the given prices. */
    public static Admission paid(Price... prices) {
        if (prices.length == 0) {
            throw new IllegalArgumentException("a paid admission needs at least one price");
        }
        return new Admission(List.of(prices));
    }

    /** Whether it is free: no price, or only prices of zero. */
    public boolean isFree() {
        return prices.stream().allMatch(p -> p.amount().signum() == 0);
    }
}
