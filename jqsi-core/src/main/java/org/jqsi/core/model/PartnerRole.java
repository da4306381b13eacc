package org.jqsi.core.model;

/** What an organisation does for an activity. */
public enum PartnerRole {
    ORGANIZER,
    CO_ORGANIZER,
    REGIONAL_COORDINATOR,
    BROADCASTER,
    PARTNER,
    SPONSOR
}
