package org.jqsi.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.jqsi.core.model.Language;
import org.junit.jupiter.api.Test;

class RequestLanguageTest {

    @Test
    void readsTheFirstLangOfTheQueryThatNamesFrenchOrEnglish() {
        assertThat(RequestLanguage.fromQuery("lang=fr")).contains(Language.FR);
        assertThat(RequestLanguage.fromQuery("region=04&lang=en")).contains(Language.EN);
        assertThat(RequestLanguage.fromQuery("lang=en-CA")).contains(Language.EN);
        assertThat(RequestLanguage.fromQuery("lang=%66%72")).contains(Language.FR);
        assertThat(RequestLanguage.fromQuery("lang=de&lang=en")).contains(Language.EN);
        assertThat(RequestLanguage.fromQuery("lang=de")).isEmpty();
        assertThat(RequestLanguage.fromQuery("lang=%zz")).isEmpty();
        assertThat(RequestLanguage.fromQuery("xlang=fr")).isEmpty();
        assertThat(RequestLanguage.fromQuery(null)).isEmpty();
        assertThat(RequestLanguage.fromQuery("a=" + "b".repeat(2048) + "&lang=fr")).isEmpty();
    }

    @Test
    void readsAcceptLanguageByItsWeightsAndNeverFails() {
        assertThat(RequestLanguage.fromAcceptLanguage("de-DE,fr-CA;q=0.8,en;q=0.5")).contains(Language.FR);
        assertThat(RequestLanguage.fromAcceptLanguage("en-US,en;q=0.9,fr;q=0.5")).contains(Language.EN);
        assertThat(RequestLanguage.fromAcceptLanguage("fr;q=0,en;q=0.1")).contains(Language.EN);
        assertThat(RequestLanguage.fromAcceptLanguage("de")).isEmpty();
        assertThat(RequestLanguage.fromAcceptLanguage(";;;q=x")).isEmpty();
        assertThat(RequestLanguage.fromAcceptLanguage("-")).isEmpty();
        assertThat(RequestLanguage.fromAcceptLanguage(" ")).isEmpty();
        assertThat(RequestLanguage.fromAcceptLanguage(null)).isEmpty();
    }
}
