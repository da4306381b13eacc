package org.jqsi.core.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An organisation that takes part in the festival.
 *
 * @param id stable, slug-shaped identifier ({@code aqoci})
 * @param name the organisation's full name
 * @param acronym its short name ("AQOCI"), or {@code null}
 * @param kind what kind of organisation it is
 * @param website its site, or {@code null}
 */
public record Partner(
        @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.SLUG) String id,
        @Valid LocalizedText name,
        @Size(max = 40) String acronym,
        PartnerKind kind,
        @WebUrl URI website) {

    public Partner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** The acronym when there is one, else the name: what fits in a list. */
    public String shortName(Language language) {
        return acronym != null && !acronym.isBlank() ? acronym : name.in(language);
    }

    /** The partner's site, if known. */
    public Optional<URI> site() {
        return Optional.ofNullable(website);
    }
}
