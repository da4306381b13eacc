package org.jqsi.web.internal;

import gg.jte.html.OwaspHtmlTemplateOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * An activity's card in the list, rendered ({@code tag/card.jte}) into UTF-8 bytes, cut where the link to the
 * activity's page ends. That link carries the list's filters ({@link WidgetAddresses#activityQuery}), so that the
 * activity's page leads back to the list it was reached from: the only part of a card that depends on the page
 * showing it. A card is rendered once with the link's address without its query, and each page puts its own query
 * at the cuts ({@link ListCard}).
 *
 * <p>The result is the bytes the whole card rendered with the page's link would be: jte escapes a value in an
 * attribute character by character ({@code & ' " <}), so the escaped address followed by the escaped query is the
 * escaped whole; and a query never starts like a {@code javascript:} address, which jte would leave out.
 *
 * @param parts the card's bytes between the cuts: one more than the times the link is written
 */
record CardBytes(byte[][] parts) {

    /** How many bytes the card holds, its query left out. */
    long size() {
        long size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        return size;
    }

    /**
     * jte's HTML output, noting each place where a given value ends: the card's link to its page, by identity (the
     * very {@code String} the card holds, so that no other value, however equal, is taken for it).
     */
    static final class Cutting extends OwaspHtmlTemplateOutput {

        private final Utf8Page page;
        private final String link;
        private final List<Integer> cuts = new ArrayList<>(2);

        Cutting(Utf8Page page, String link) {
            super(page);
            this.page = page;
            this.link = link;
        }

        @Override
        public void writeUserContent(String value) {
            super.writeUserContent(value);
            // Identity on purpose: the card's own link, not a text that happens to be equal to it.
            if (value == link) {
                cuts.add(page.size());
            }
        }

        /** What was written, cut after each writing of the link. */
        CardBytes cut() {
            byte[][] parts = new byte[cuts.size() + 1][];
            int from = 0;
            for (int i = 0; i < cuts.size(); i++) {
                parts[i] = page.copy(from, cuts.get(i));
                from = cuts.get(i);
            }
            parts[cuts.size()] = page.copy(from, page.size());
            return new CardBytes(parts);
        }
    }
}
