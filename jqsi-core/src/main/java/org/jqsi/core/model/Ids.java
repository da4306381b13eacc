package org.jqsi.core.model;

/** The shape of the stable identifiers that activities, editions and partners are referred to by. */
public final class Ids {

    /** Lower-case letters and digits in words joined by single hyphens: {@code loin-de-bachar-2020}. */
    public static final String SLUG = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

    /** The longest identifier accepted; ids end up in URLs and iCalendar UIDs. */
    public static final int MAX_LENGTH = 100;

    private Ids() {
    }
}
