package org.jqsi.core.model;

/** Where an online activity is broadcast. */
public enum OnlinePlatform {
    FACEBOOK,
    YOUTUBE,
    ZOOM,
    TEAMS,
    WEBSITE,
    OTHER
}
