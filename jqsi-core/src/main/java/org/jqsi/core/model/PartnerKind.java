package org.jqsi.core.model;

/** What kind of organisation a partner is. */
public enum PartnerKind {
    COALITION,
    MEMBER_ORGANISATION,
    REGIONAL_COMMITTEE,
    CULTURAL_PARTNER,
    MEDIA_PARTNER,
    FESTIVAL
}
