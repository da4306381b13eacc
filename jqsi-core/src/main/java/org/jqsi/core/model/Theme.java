package org.jqsi.core.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Objects;

/**
 * The theme of an edition ("migration justice" in 2020).
 *
 * @param title the theme's name
 * @param summary a few sentences on it, or {@code null}
 * @param tags slug-shaped tags that activities share with it ({@code migration-justice}), for filtering
 */
public record Theme(@Valid @NotNull LocalizedText title, @Valid LocalizedText summary,
        List<@Pattern(regexp = Ids.SLUG) String> tags) {

    public Theme {
        Objects.requireNonNull(title, "title");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
