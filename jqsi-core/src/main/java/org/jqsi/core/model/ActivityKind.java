package org.jqsi.core.model;

/** What kind of activity it is, as the festival's program lists them. */
public enum ActivityKind {
    CONFERENCE,
    SCREENING,
    CONCERT,
    EXHIBITION,
    QUIZ,
    PANEL,
    DISCUSSION,
    WORKSHOP,
    PUBLICATION,
    OTHER
}
