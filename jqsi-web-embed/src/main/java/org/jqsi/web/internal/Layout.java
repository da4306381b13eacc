package org.jqsi.web.internal;

import org.jqsi.json.internal.EnumSpelling;

/** How much each activity shows: everything, or one line for narrow sidebars. */
enum Layout {
    FULL,
    COMPACT;

    /** The name used in URLs and CSS classes. */
    public String code() {
        return EnumSpelling.of(this);
    }
}
