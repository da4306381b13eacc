package org.jqsi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccentFoldingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "réfugiés|refugies",
        "RÉFUGIÉS|refugies",
        "Changer le monde, une œuvre à la fois|changer le monde, une oeuvre a la fois",
        "ŒUVRE|oeuvre",
        "Les P’tites Vues|les ptites vues",
        "l'égalité|legalite",
        "Saguenay–Lac-Saint-Jean|saguenay-lac-saint-jean",
        "Ça|ca",
        "plain ascii|plain ascii"
    })
    void foldsCaseAccentsLigaturesAndApostrophes(String text, String folded) {
        assertThat(AccentFolding.fold(text)).isEqualTo(folded);
    }
}
