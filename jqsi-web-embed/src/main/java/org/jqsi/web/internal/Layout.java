package org.jqsi.web.internal;

/** How much each activity shows: everything, or one line for narrow sidebars. */
public enum Layout {
    FULL,
    COMPACT;

    /** The name used in URLs and CSS classes. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
