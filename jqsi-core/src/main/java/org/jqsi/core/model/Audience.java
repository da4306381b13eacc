package org.jqsi.core.model;

/** Who an activity is meant for, when its organisers say so. */
public enum Audience {
    GENERAL_PUBLIC,
    CHILDREN,
    YOUTH,
    STUDENTS,
    FAMILIES,
    SENIORS,
    PROFESSIONALS
}
