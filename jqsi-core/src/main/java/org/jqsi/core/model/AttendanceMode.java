package org.jqsi.core.model;

/** How a person attends an activity; derived from its {@link Place}. */
public enum AttendanceMode {
    IN_PERSON,
    ONLINE,
    MIXED
}
