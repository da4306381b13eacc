package org.jqsi.core.model;

/**
 * Where an activity stands, with the values schema.org's {@code eventStatus} knows.
 * A {@link #RESCHEDULED} activity keeps its previous start in {@link Activity#previousStart()}.
 */
public enum Status {
    SCHEDULED,
    CANCELLED,
    POSTPONED,
    RESCHEDULED,
    MOVED_ONLINE
}
