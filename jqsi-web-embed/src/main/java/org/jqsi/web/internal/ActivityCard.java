package org.jqsi.web.internal;

import java.util.List;

/**
 * One activity as the templates show it: every text already in the page's language, every link already checked.
 * Nullable parts are left out of the page.
 *
 * @param id the activity's id
 * @param href its page in the widget
 * @param title its title
 * @param titleLang the language of the title when it is not the page's ({@code fr} when there is no English), or
 *     {@code null}
 * @param description its description, or {@code null}
 * @param kind what kind of activity it is
 * @param region its region's name, or {@code null}
 * @param datetime the machine-readable start for {@code <time datetime>}, or {@code null} when not dated
 * @param when when it happens, in words ("19 h 30 à 21 h 30"), or what is known when it is not dated
 * @param whenInFull the same with the day ("vendredi 6 novembre 2020, 19 h 30 à 21 h 30")
 * @param zone the name of its time zone when it is not Eastern time, or {@code null}
 * @param status its status when it is not simply scheduled ("Annulé"), or {@code null}
 * @param cancelled whether it is cancelled, which strikes it out
 * @param place where it happens, in words, or {@code null}
 * @param onlineHref the link to follow it online, or {@code null}
 * @param credits the partners involved, by role
 * @param people the people taking part, with their roles
 * @param registration whether and how to register, in words, or {@code null}
 * @param registrationHref where to register, or {@code null}
 * @param admission what it costs, in words, or {@code null}
 * @param calendar the "add to my calendar" links, or {@code null} when it has no date
 * @param descriptionLang the language of the description when it is not the page's, or {@code null}
 * @param whenRange {@code when} as a range of two machine-readable times, or {@code null} when it is one moment
 * @param whenInFullRange {@code whenInFull} the same way, or {@code null}
 * @param prices each price with its label in its own language, or empty (free, or no admission given)
 * @param image its picture, or {@code null}
 * @param accessibility what it offers people with a disability, in words
 * @param links where to learn more (the partner's page, a trailer), checked; shown on the activity's own page
 */
public record ActivityCard(
        String id,
        String href,
        String title,
        String titleLang,
        String description,
        String kind,
        String region,
        String datetime,
        String when,
        String whenInFull,
        String zone,
        String status,
        boolean cancelled,
        String place,
        String onlineHref,
        List<Credit> credits,
        List<String> people,
        String registration,
        String registrationHref,
        String admission,
        AddToCalendar calendar,
        String descriptionLang,
        Range whenRange,
        Range whenInFullRange,
        List<PriceText> prices,
        Picture image,
        List<String> accessibility,
        List<MoreLink> links) {

    /**
     * A link to more about the activity: its label in the language it was given in, or the address's host when the
     * program gives none, so that the link says where it leads (WCAG 2.4.4, link purpose).
     *
     * @param href its http(s) address, checked
     * @param text its label, or the host ("www.aqoci.qc.ca")
     * @param textLang the label's language when it is not the page's ({@code fr}), or {@code null}
     */
    public record MoreLink(String href, String text, String textLang) {
    }

    /**
     * An activity's picture, always with its size so that its room is kept before it loads.
     *
     * @param src its https address, checked
     * @param alt its alternative text in the page's language (else French)
     * @param altLang the language of the alternative text when it is not the page's, or {@code null}
     * @param width its width in pixels (the program's, or 1200 for a 16:9 box)
     * @param height its height in pixels (the program's, or 675)
     * @param credit "Image : Les P'tites Vues — CC BY 4.0", or {@code null}
     */
    public record Picture(String src, String alt, String altLang, int width, int height, String credit) {
    }

    /**
     * A span of time in words, with both ends machine-readable so that the page marks it up as a range
     * ({@code <time>} … {@code <time>}), in the order and with the words of the page's language.
     *
     * @param before the words before the start ("Du ") or ""
     * @param from the start in words
     * @param fromDatetime the start for {@code <time datetime>} (ISO 8601 date or date-time with offset)
     * @param between the words between the ends (" à ")
     * @param to the end in words
     * @param toDatetime the end for {@code <time datetime>}
     * @param after the words after the end, or ""
     */
    public record Range(String before, String from, String fromDatetime, String between, String to,
            String toDatetime, String after) {
    }

    /**
     * A price: its amount in the page's language, and its label in the language it was given in.
     *
     * @param amount "10 $", "$10"
     * @param label "étudiants", or {@code null}
     * @param labelLang the label's language when it is not the page's ({@code fr}), or {@code null}
     */
    public record PriceText(String amount, String label, String labelLang) {
    }

    /**
     * Partners in one role: "Organisation : AQOCI".
     *
     * @param label the role
     * @param names the partners' short names, joined
     */
    public record Credit(String label, String names) {
    }

    /**
     * The "add to my calendar" menu of an activity: where to add it to a calendar.
     *
     * @param ics the activity's own iCalendar file
     * @param google Google Calendar's "add event" page, or {@code null}
     * @param outlook Outlook's, or {@code null}
     */
    public record AddToCalendar(String ics, String google, String outlook) {
    }
}
