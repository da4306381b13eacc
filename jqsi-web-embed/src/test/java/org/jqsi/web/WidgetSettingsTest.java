package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.jqsi.core.model.Language;
import org.junit.jupiter.api.Test;

class WidgetSettingsTest {

    @Test
    void defaults() {
        WidgetSettings settings = WidgetSettings.defaults();
        assertThat(settings.defaultLanguage()).isEqualTo(Language.FR);
        assertThat(settings.frameAncestors()).containsExactly("'self'");
        assertThat(settings.corsOrigins()).containsExactly("*");
        assertThat(settings.baseUrl()).isNull();
    }

    @Test
    void theBaseUrlEndsWithASlash() {
        assertThat(WidgetSettings.builder().baseUrl(URI.create("https://jqsi.example.org/widget")).build().baseUrl())
                .isEqualTo(URI.create("https://jqsi.example.org/widget/"));
    }

    @Test
    void refusesWhatCouldBreakAHeaderOrALink() {
        assertThatThrownBy(() -> WidgetSettings.builder()
                .frameAncestors(List.of("https://ok.example.org; script-src *")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("frameAncestors:");
        assertThatThrownBy(() -> WidgetSettings.builder().frameAncestors(List.of()).build())
                .hasMessageStartingWith("frameAncestors:");
        assertThatThrownBy(() -> WidgetSettings.builder().corsOrigins(List.of("'self'")).build())
                .hasMessageStartingWith("corsOrigins:");
        assertThatThrownBy(() -> WidgetSettings.builder().baseUrl(URI.create("javascript:alert(1)")).build())
                .hasMessageStartingWith("baseUrl:");
        assertThatThrownBy(() -> WidgetSettings.builder().baseUrl(URI.create("https://x.org/w?a=b")).build())
                .hasMessageStartingWith("baseUrl:");
        assertThatThrownBy(() -> WidgetSettings.builder().pageSize(0).build()).hasMessageStartingWith("pageSize:");
        assertThatThrownBy(() -> WidgetSettings.builder().pageMaxAge(java.time.Duration.ofSeconds(-1)).build())
                .hasMessageStartingWith("pageMaxAge:");
    }

    @Test
    void cardsAreKeptBesideResponsesWithinTheirOwnBound() {
        WidgetSettings settings = WidgetSettings.defaults();
        assertThat(settings.cardBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(settings.keptBytes()).isEqualTo(settings.cacheBytes() + settings.cardBytes());
        assertThat(WidgetSettings.builder().cardBytes(0).build().cardBytes()).isZero();
        assertThatThrownBy(() -> WidgetSettings.builder().cardBytes(-1).build()).hasMessageStartingWith("cardBytes:");
    }

    @Test
    void acceptsOriginsWildcardsAndKeywords() {
        assertThat(WidgetSettings.builder()
                .frameAncestors(List.of("'self'", "https://*.example.org", "http://localhost:8080", "*")).build()
                .frameAncestors()).hasSize(4);
    }
}
