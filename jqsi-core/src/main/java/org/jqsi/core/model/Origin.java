package org.jqsi.core.model;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.jqsi.core.internal.JqsiMessageBundles;

/**
 * Where an activity comes from, which is who owns it: the program file itself ({@link #PROGRAM_FILE}), a source
 * that an operator follows (a partner's iCalendar feed, a spreadsheet) and the source's own id for the event, or an
 * approved submission ({@link #submission(String)}).
 *
 * <p>An owner can add, change, cancel or remove only its own activities: a partner's feed never rewrites an activity
 * of the program file nor of another source, whatever UID it gives (see {@code jqsi-server/README.md}, "Ownership").
 * In a program file an activity of the file carries no {@code "origin"}; one of a source carries
 * {@code "origin": {"source": "cs3r-agenda", "uid": "abc123@google.com"}}.
 *
 * @param source the id of the source ({@code cs3r-agenda}), a slug; {@code null} for the program file
 * @param uid the source's own id for the event (an iCalendar {@code UID}, a spreadsheet row's id), as the source
 *     gives it; {@code null} for the program file
 */
public record Origin(@Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.SLUG) String source,
        @Size(max = Origin.MAX_UID_LENGTH) String uid) {

    /** The longest source id for an event kept: RFC 5545 sets no limit, and UIDs of a few hundred octets exist. */
    public static final int MAX_UID_LENGTH = 1_000;

    /** The activity is the program file's own: written there by hand, or by a tool acting for the file's editors. */
    public static final Origin PROGRAM_FILE = new Origin(null, null);

    /**
     * The owner name of activities that approved submissions publish, which no source may take: their origin is
     * {@code {"source": "submission", "uid": "<submission id>"}}, the submission that last approved them.
     */
    public static final String SUBMISSIONS = "submission";

    /**
     * @throws IllegalArgumentException when only one of the two is given, or the uid is blank
     */
    public Origin {
        if ((source == null) != (uid == null)) {
            throw new IllegalArgumentException("an origin has both a source and a uid, or neither (the program file)");
        }
        if (uid != null && uid.isBlank()) {
            throw new IllegalArgumentException("uid: must not be blank");
        }
    }

    /** An activity of a source, with the source's own id for it. */
    public static Origin of(String source, String uid) {
        return new Origin(Objects.requireNonNull(source, "source"), Objects.requireNonNull(uid, "uid"));
    }

    /** An activity that an approved submission publishes: the submission that last approved it. */
    public static Origin submission(String submissionId) {
        return of(SUBMISSIONS, submissionId);
    }

    /** Whether an approved submission publishes it. */
    public boolean isSubmission() {
        return SUBMISSIONS.equals(source);
    }

    /** Whether this is the program file. */
    public boolean isProgramFile() {
        return source == null;
    }

    /** Whether this is the given source ({@code false} for the program file). */
    public boolean isSource(String sourceId) {
        return source != null && source.equals(sourceId);
    }

    /** Whether two origins have the same owner: the program file, or the same source (whatever the uids). */
    public boolean sameOwner(Origin other) {
        return Objects.equals(source, other.source);
    }

    /** For people: {@code the program file}, {@code source cs3r-agenda}. */
    public String describeOwner(Language language) {
        if (source == null) {
            return JqsiMessageBundles.message(language, "owner.program-file");
        }
        return isSubmission() ? JqsiMessageBundles.message(language, "owner.submission", uid)
                : JqsiMessageBundles.message(language, "owner.source", source);
    }
}
