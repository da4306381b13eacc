package org.jqsi.web.internal;

import java.util.function.BiFunction;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.Program;

/**
 * The cards of one list page: each one kept from an earlier page ({@link RenderedCards}), else rendered now and kept,
 * with this page's filters put in its links. Made for one page, used on its request's thread.
 */
final class ListCards {

    private final RenderedCards kept;
    private final Templates templates;
    private final Program program;
    private final Language language;
    private final WidgetAddresses addresses;
    private final BiFunction<Activity, Language, ActivityCard.AddToCalendar> calendar;
    private final Messages t;
    /** The query of this page's links to activities' pages, as the card's template would write it. */
    private final byte[] query;
    /** Made at the first card not kept: a page whose cards are all kept builds no card's texts. */
    private ActivityCards cards;

    /**
     * @param calendar the "add to my calendar" links of a dated activity in a language
     * @param activityQuery the query of the links to activities' pages ({@link FilterQuery#activity}): the list's
     *     filters, so that they lead back to it
     */
    ListCards(RenderedCards kept, Templates templates, Program program, Language language, WidgetAddresses addresses,
            BiFunction<Activity, Language, ActivityCard.AddToCalendar> calendar, String activityQuery) {
        this.kept = kept;
        this.templates = templates;
        this.program = program;
        this.language = language;
        this.addresses = addresses;
        this.calendar = calendar;
        this.t = Messages.of(language);
        this.query = Templates.inHref(activityQuery);
    }

    ListCard card(Activity activity) {
        String version = program.version();
        CardBytes card = kept.find(version, addresses.base(), language, activity.id());
        if (card == null) {
            if (cards == null) {
                // Links without a query: the page puts its own at their end.
                cards = new ActivityCards(program, language, addresses, calendar, "");
            }
            card = templates.listCard(cards.card(activity), t);
            kept.keep(version, addresses.base(), language, activity.id(), card);
        }
        return new ListCard(card, query);
    }
}
