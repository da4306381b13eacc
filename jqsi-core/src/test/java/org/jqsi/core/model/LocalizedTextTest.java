package org.jqsi.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class LocalizedTextTest {

    @Test
    void frenchIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> new LocalizedText(null, "Migration justice"))
                .withMessage("fr");
    }

    @Test
    void englishFallsBackToFrench() {
        LocalizedText frenchOnly = LocalizedText.fr("Justice migratoire");

        assertThat(frenchOnly.in(Language.EN)).isEqualTo("Justice migratoire");
        assertThat(frenchOnly.has(Language.EN)).isFalse();
        assertThat(frenchOnly.english()).isEmpty();
    }

    @Test
    void eachLanguageGetsItsOwnText() {
        LocalizedText text = LocalizedText.of("Justice migratoire", "Migration justice");

        assertThat(text.in(Language.FR)).isEqualTo("Justice migratoire");
        assertThat(text.in(Language.EN)).isEqualTo("Migration justice");
    }

    @Test
    void blankEnglishCountsAsNone() {
        assertThat(LocalizedText.of("Œuvre", "  ").en()).isNull();
        assertThat(LocalizedText.of("Œuvre", "  ")).isEqualTo(LocalizedText.fr("Œuvre"));
    }

    @Test
    void languagesAreFoundByCode() {
        assertThat(Language.ofCode("fr")).contains(Language.FR);
        assertThat(Language.ofCode("en")).contains(Language.EN);
        assertThat(Language.ofCode(" fr ")).contains(Language.FR);
        assertThat(Language.ofCode("fr_CA")).contains(Language.FR);
        assertThat(Language.ofCode("fr-CA")).contains(Language.FR);
        assertThat(Language.ofCode("EN")).contains(Language.EN);
        assertThat(Language.ofCode("es")).isEmpty();
        assertThat(Language.ofCode("")).isEmpty();
        assertThat(Language.FR.locale()).isEqualTo(java.util.Locale.CANADA_FRENCH);
    }
}
