package org.jqsi.core.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import java.util.Optional;

/**
 * A text in French and, optionally, English.
 *
 * <p>French is required (the Charter of the French language asks for it first); a reader who asks for English and
 * finds none gets the French text rather than nothing.
 *
 * @param fr the French text, never blank
 * @param en the English text, or {@code null} when there is none
 */
public record LocalizedText(@NotBlank @Size(max = 20_000) String fr, @Size(max = 20_000) String en) {

    public LocalizedText {
        Objects.requireNonNull(fr, "fr");
        if (en != null && en.isBlank()) {
            en = null;
        }
    }

    /** A text that exists in French only. */
    public static LocalizedText fr(String fr) {
        return new LocalizedText(fr, null);
    }

    /** A text in both languages. */
    public static LocalizedText of(String fr, String en) {
        return new LocalizedText(fr, en);
    }

    /** The English text, if there is one. */
    public Optional<String> english() {
        return Optional.ofNullable(en);
    }

    /** The text in the given language, falling back to French when it has no English. */
    public String in(Language language) {
        return language == Language.EN && en != null ? en : fr;
    }

    /** Whether the text exists in the given language without falling back. */
    public boolean has(Language language) {
        return language == Language.FR || en != null;
    }
}
