package org.jqsi.core.model;

/** What a person does in an activity or an edition. */
public enum PersonRole {
    SPEAKER,
    DIRECTOR,
    HOST,
    PERFORMER,
    SPOKESPERSON
}
