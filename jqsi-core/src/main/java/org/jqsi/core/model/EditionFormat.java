package org.jqsi.core.model;

/** How an edition of the festival reaches its public. */
public enum EditionFormat {
    IN_PERSON,
    VIRTUAL,
    HYBRID
}
