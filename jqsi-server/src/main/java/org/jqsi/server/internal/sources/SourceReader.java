package org.jqsi.server.internal.sources;

import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.FollowedSource;
import org.jqsi.core.validation.Problem;

/**
 * Reads a copy of one kind of source (an iCalendar feed, a spreadsheet) into that source's activities, merged into
 * those it had: the reader follows the ownership rule ({@link org.jqsi.core.program.SourceIds}), so that it changes,
 * cancels or adds only activities whose origin is the source, and takes the source's defaults (partner, edition,
 * region, kind, language) for what the copy does not say.
 */
public interface SourceReader {

    /**
     * What a copy gives.
     *
     * @param activities the source's activities after the read: those of the copy, and those it had that the copy no
     *     longer has, cancelled
     * @param problems what the copy has wrong that did not stop the read (events left out, fallbacks), each placed in
     *     the copy ({@code UID x (line 12)}, {@code ligne 4, colonne Début})
     */
    record Read(List<Activity> activities, List<Problem> problems) {

        public Read {
            activities = List.copyOf(activities);
            problems = List.copyOf(problems);
        }
    }

    /** A copy that cannot be read at all: not the kind it should be, its structure broken. */
    final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;
        private final transient LocalizedText reason;

        public Unreadable(LocalizedText reason) {
            super(reason.en(), null, false, false);
            this.reason = reason;
        }

        /** Why, in French and English. */
        public LocalizedText reason() {
            return reason;
        }
    }

    /**
     * Reads a copy.
     *
     * @param bytes the copy as fetched
     * @param source the source, with its defaults
     * @param edition the edition the source's activities belong to
     * @param program the program as it stands: the program file's editions and partners, and every activity, the
     *     other owners' (which must not change) and the source's own (which the copy updates)
     * @throws Unreadable when the copy cannot be read at all, or has anything the source's kind refuses whole (a
     *     spreadsheet's refused row); the last good copy keeps serving
     */
    Read read(byte[] bytes, FollowedSource source, Edition edition, ProgramData program) throws Unreadable;
}
