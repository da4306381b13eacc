package org.jqsi.ical.internal;

import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;

/**
 * An activity's title as calendars show it: a cancelled or postponed one says so first, in the feed's language
 * ("ANNULÉ — Loin de Bachar", "POSTPONED — Far from Bashar"). {@code STATUS} alone is not enough: Google Calendar
 * and Outlook show a subscribed {@code STATUS:CANCELLED} event like any other, and a postponed one
 * ({@code TENTATIVE}) at a date that no longer holds.
 */
public final class StatusTitles {

    private StatusTitles() {
    }

    /** The title in a language (French when it has none in that language), after the status when it needs one. */
    public static String title(Activity activity, Language language) {
        String title = activity.title().in(language);
        return switch (activity.status()) {
            case CANCELLED -> IcalMessages.message(language, "title.cancelled", title);
            case POSTPONED -> IcalMessages.message(language, "title.postponed", title);
            case SCHEDULED, RESCHEDULED, MOVED_ONLINE -> title;
        };
    }
}
