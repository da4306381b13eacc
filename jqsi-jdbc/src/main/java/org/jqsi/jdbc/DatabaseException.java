package org.jqsi.jdbc;

import java.util.Objects;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * The database could not do what was asked: it cannot be reached or opened (a wrong password, a data directory that
 * cannot be written, an embedded database that another program holds), its schema cannot be brought up to date, or a
 * statement failed. Why is said in French and English in the user's terms ({@link #text()}), never a Java type name;
 * {@link #getMessage()} is the English sentence.
 *
 * <p>Unchecked: it can come from any method that reads or writes, the {@link
 * org.jqsi.core.submission.SubmissionStore}'s among them, and a caller can rarely do more than report it and try again
 * later.
 */
public final class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient LocalizedText text;

    /**
     * @param text why, in French and English
     * @param cause the driver's own failure, for the logs; may be {@code null}
     */
    public DatabaseException(LocalizedText text, Throwable cause) {
        super(Objects.requireNonNull(text, "text").in(Language.EN), cause);
        this.text = text;
    }

    /** Why, in French and English: « la base PostgreSQL jdbc:postgresql://db:5432/jqsi refuse le mot de passe ». */
    public LocalizedText text() {
        return text;
    }
}
