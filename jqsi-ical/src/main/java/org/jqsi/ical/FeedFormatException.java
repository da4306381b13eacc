package org.jqsi.ical;

import java.io.IOException;

/**
 * A feed that is not iCalendar at all, or whose structure is broken (a component never closed, a line that is not a
 * content line): nothing of it is imported. Events that are merely wrong are reported one by one in
 * {@link ImportResult#problems()} instead.
 */
public final class FeedFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public FeedFormatException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    /** The line of the feed where the problem is, from 1. */
    public int line() {
        return line;
    }
}
