package org.jqsi.ical;

import java.io.IOException;
import java.util.Objects;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * A feed that is not iCalendar at all, or whose structure is broken (a component never closed, a line that is not a
 * content line): nothing of it is imported. Events that are merely wrong are reported one by one in
 * {@link ImportResult#problems()} instead.
 */
public final class FeedFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final transient LocalizedText reason;

    /** A broken feed, with the reason in English only. */
    public FeedFormatException(int line, String message) {
        this(line, LocalizedText.of(message, message));
    }

    /** A broken feed, with the reason in French and English; {@link #getMessage()} is the English one. */
    public FeedFormatException(int line, LocalizedText reason) {
        super("line " + line + ": " + Objects.requireNonNull(reason, "reason").in(Language.EN));
        this.line = line;
        this.reason = reason;
    }

    /** The line of the feed where the problem is, from 1. */
    public int line() {
        return line;
    }

    /** What is wrong, without the line, in a language. */
    public String reason(Language language) {
        return reason == null ? getMessage() : reason.in(language);
    }
}
