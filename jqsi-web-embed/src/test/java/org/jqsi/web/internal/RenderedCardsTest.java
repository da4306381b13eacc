package org.jqsi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jqsi.core.model.Language;
import org.junit.jupiter.api.Test;

class RenderedCardsTest {

    private static final String BASE = "https://jqsi.example.org/widget/";

    @Test
    void keepsCardsByVersionAddressLanguageAndActivity() {
        RenderedCards cards = new RenderedCards(1 << 20);
        CardBytes card = card(100);
        cards.keep("v1", BASE, Language.FR, "activite-1", card);
        assertThat(cards.find("v1", BASE, Language.FR, "activite-1")).isSameAs(card);
        assertThat(cards.find("v1", BASE, Language.EN, "activite-1")).isNull();
        assertThat(cards.find("v1", "http://other.example/", Language.FR, "activite-1")).isNull();
        assertThat(cards.find("v1", BASE, Language.FR, "activite-2")).isNull();
    }

    @Test
    void aNewProgramVersionDropsEveryCard() {
        RenderedCards cards = new RenderedCards(1 << 20);
        for (int i = 0; i < 50; i++) {
            cards.keep("v1", BASE, Language.FR, "activite-" + i, card(100));
        }
        assertThat(cards.find("v2", BASE, Language.FR, "activite-1")).isNull();
        cards.evictNow();
        assertThat(cards.size()).isZero();
        // Back to the first version: dropped too, rendered again.
        assertThat(cards.find("v1", BASE, Language.FR, "activite-1")).isNull();
    }

    @Test
    void keepsWithinItsBound() {
        long bound = 20_000;
        RenderedCards cards = new RenderedCards(bound);
        for (int i = 0; i < 500; i++) {
            cards.keep("v1", BASE, i % 2 == 0 ? Language.FR : Language.EN, "activite-" + i, card(1_000 + i));
        }
        cards.evictNow();
        assertThat(cards.weight()).isLessThanOrEqualTo(bound).isPositive();
        assertThat(cards.size()).isBetween(1L, bound / 1_000);
    }

    @Test
    void aBoundOfZeroKeepsNothing() {
        RenderedCards cards = new RenderedCards(0);
        cards.keep("v1", BASE, Language.FR, "activite-1", card(10));
        assertThat(cards.find("v1", BASE, Language.FR, "activite-1")).isNull();
        assertThat(cards.size()).isZero();
    }

    @Test
    void aCardWritesTheQueryOfItsPageAtEachCut() {
        CardBytes card = new CardBytes(new byte[][] {bytes("<a href=\"x/a"), bytes("\">A</a><a href=\"x/a"),
                bytes("#c\">C</a>")});
        Utf8Page page = new Utf8Page(16);
        new ListCard(card, Templates.inHref("?q=\"é\"&lang=fr")).writeTo(page);
        assertThat(new String(page.toByteArray(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "<a href=\"x/a?q=&#34;é&#34;&amp;lang=fr\">A</a><a href=\"x/a?q=&#34;é&#34;&amp;lang=fr#c\">C</a>");
    }

    private static CardBytes card(int size) {
        return new CardBytes(new byte[][] {new byte[size / 2], new byte[size - size / 2]});
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
