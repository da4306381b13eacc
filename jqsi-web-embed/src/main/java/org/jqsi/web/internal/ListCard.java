package org.jqsi.web.internal;

import gg.jte.Content;
import gg.jte.TemplateOutput;

/**
 * An activity's card as one list page shows it: the card's rendered bytes with the page's query put at the end of
 * each link to the activity's page ({@link CardBytes}). The list template writes it as it is: it is already HTML.
 */
public final class ListCard implements Content {

    private final CardBytes card;
    private final byte[] query;

    /**
     * @param card the card, rendered
     * @param query the query of the links to activities' pages on this page, already escaped for an attribute
     */
    ListCard(CardBytes card, byte[] query) {
        this.card = card;
        this.query = query;
    }

    /** How many bytes it writes. */
    int length() {
        byte[][] parts = card.parts();
        int length = query.length * (parts.length - 1);
        for (byte[] part : parts) {
            length += part.length;
        }
        return length;
    }

    @Override
    public void writeTo(TemplateOutput output) {
        byte[][] parts = card.parts();
        output.writeBinaryContent(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            output.writeBinaryContent(query);
            output.writeBinaryContent(parts[i]);
        }
    }
}
