package org.jqsi.core.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Objects;

/**
 * A picture of an activity (a film's still, a poster, the artist), shown in the widget, in search engines' results
 * (schema.org {@code image}) and in calendars (RFC 7986 {@code IMAGE}). Its address must be {@code https} (the rule
 * {@code image.not-https}): it is loaded by partners' pages, which are https. Its alternative text is required: the
 * picture is shown to everyone, and screen readers say its text instead (WCAG 1.1.1): a picture without it is an
 * error ({@code image.no-alt}).
 *
 * @param url the picture's {@code https} address
 * @param alt what the picture shows, for people who cannot see it; French required, English optional
 * @param width its width in CSS pixels, or {@code null}: with {@code height}, it reserves the picture's room before
 *     it loads (no layout shift); without, the widget reserves a 16:9 box
 * @param height its height in CSS pixels, or {@code null}
 * @param credit who made it ("Photo : Les P'tites Vues"), or {@code null}
 * @param license the terms it is shown under ("CC BY 4.0", "© Les P'tites Vues, avec permission"), or {@code null}
 */
public record ActivityImage(
        @NotNull @WebUrl URI url,
        @Valid LocalizedText alt,
        @Positive @Max(10_000) Integer width,
        @Positive @Max(10_000) Integer height,
        @Size(max = 200) String credit,
        @Size(max = 200) String license) {

    public ActivityImage {
        Objects.requireNonNull(url, "url");
    }

    /** A picture with its alternative text only. */
    public static ActivityImage of(URI url, LocalizedText alt) {
        return new ActivityImage(url, alt, null, null, null, null);
    }
}
