package org.jqsi.core.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Objects;

/**
 * A link to more about an activity (the partner's page, a trailer).
 *
 * @param url the address
 * @param label what it is, or {@code null}
 */
public record Link(@NotNull @WebUrl URI url, @Valid LocalizedText label) {

    public Link {
        Objects.requireNonNull(url, "url");
    }
}
