package org.jqsi.web.internal;

import java.util.List;

/**
 * The widget's list page.
 *
 * @param frame the page around the widget
 * @param fragment whether to render only the widget, without the page around it
 * @param heading the widget's heading ("Programme des JQSI 2020")
 * @param form the filter form
 * @param count how many activities match, in words
 * @param days the dated activities of this page, by day
 * @param undated the cards of the activities whose dates are to be announced, rendered
 * @param pager links to the other pages, or {@code null} when there is one page
 * @param feeds the feeds for the same filters
 */
public record WidgetView(
        PageFrame frame,
        boolean fragment,
        String heading,
        FilterForm form,
        String count,
        List<Day> days,
        List<ListCard> undated,
        Pager pager,
        List<FeedLink> feeds) {

    /**
     * The activities of one day.
     *
     * @param date the day, ISO ({@code 2020-11-12}), for {@code <time datetime>}
     * @param heading the day in words
     * @param activities the cards of the activities starting that day, rendered
     */
    public record Day(String date, String heading, List<ListCard> activities) {
    }

    /**
     * Links to the previous and next pages.
     *
     * @param previous the previous page, or {@code null}
     * @param next the next page, or {@code null}
     * @param position "Page 2 de 3"
     */
    public record Pager(String previous, String next, String position) {
    }

    /**
     * A feed for the same filters.
     *
     * @param href its address
     * @param label what it is, for people
     * @param type its media type
     */
    public record FeedLink(String href, String label, String type) {
    }
}
