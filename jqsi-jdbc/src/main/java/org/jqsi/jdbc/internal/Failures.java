package org.jqsi.jdbc.internal;

import java.sql.SQLException;
import java.time.Duration;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.jdbc.DatabaseException;

/**
 * What a driver's failure means for the person who runs jqsi: its error codes (H2's) and SQL states (PostgreSQL's)
 * read into a sentence that says what to do, with the driver's own words only where nothing better can be said.
 */
public final class Failures {

    /** The longest a statement waits for a lock, on either database: then it fails, {@code database.busy}. */
    public static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);

    // H2's error codes (org.h2.api.ErrorCode).
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int H2_WRONG_USER_OR_PASSWORD = 28000;
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final int H2_FILE_VERSION_ERROR = 90048;
    private static final int H2_DRIVER_VERSION_ERROR = 90047;
    private static final int H2_FILE_CORRUPTED = 90030;
    private static final int H2_IO_EXCEPTION = 90028;

    private Failures() {
    }

    /** The SQL state of the first {@code SQLException} in a failure's causes; empty when there is none. */
    public static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    /**
     * Why a database could not be opened.
     *
     * @param database the database in words ({@code Database.description()})
     * @param user the user it was opened as
     */
    public static DatabaseException opening(LocalizedText database, String user, Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null) {
            return new DatabaseException(JdbcMessages.text("database.failed", database, words(failure)), failure);
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String key;
        if (sql.getErrorCode() == H2_WRONG_USER_OR_PASSWORD && state.equals("28000")) {
            key = "database.embedded-credentials-refused";
        } else if (sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
            key = "database.in-use";
        } else if (sql.getErrorCode() == H2_FILE_VERSION_ERROR || sql.getErrorCode() == H2_DRIVER_VERSION_ERROR) {
            key = "database.other-version";
        } else if (sql.getErrorCode() == H2_FILE_CORRUPTED || sql.getErrorCode() == H2_IO_EXCEPTION) {
            key = "database.unreadable-file";
        } else if (state.equals("28P01") || state.equals("28000")) {
            key = "database.credentials-refused";
        } else if (state.equals("3D000")) {
            key = "database.no-such-database";
        } else if (state.startsWith("08") || state.equals("57P03")) {
            return new DatabaseException(JdbcMessages.text("database.unreachable", database, words(sql)), failure);
        } else {
            return new DatabaseException(JdbcMessages.text("database.failed", database, words(sql)), failure);
        }
        return new DatabaseException(JdbcMessages.text(key, database, user == null ? "?" : user), failure);
    }

    /** Why the schema could not be brought up to date (a migration failed, or the history does not match). */
    public static DatabaseException migrating(LocalizedText database, Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return new DatabaseException(JdbcMessages.text("database.unreachable", database, words(sql)), failure);
        }
        return new DatabaseException(JdbcMessages.text("database.migration-failed", database, words(failure)),
                failure);
    }

    /** A statement that failed on a database that was open. */
    public static DatabaseException working(LocalizedText database, Throwable failure) {
        SQLException sql = sqlCause(failure);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if ((sql != null && sql.getErrorCode() == H2_LOCK_TIMEOUT) || state.equals("55P03")) {
            return new DatabaseException(JdbcMessages.text("database.busy", database,
                    Long.toString(LOCK_TIMEOUT.toSeconds())), failure);
        }
        if (state.startsWith("08")) {
            return new DatabaseException(JdbcMessages.text("database.unreachable", database, words(sql)), failure);
        }
        return new DatabaseException(JdbcMessages.text("database.failed", database,
                words(sql == null ? failure : sql)), failure);
    }

    /** The first SQL failure among the causes. */
    static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** The driver's own words (English only): its message without H2's trailing SQL statement and error code. */
    static String words(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        int statement = message.indexOf("; SQL statement:");
        if (statement >= 0) {
            message = message.substring(0, statement);
        }
        message = message.replaceAll(" \\[\\d{5}-\\d+\\]$", "");
        return message.strip();
    }
}
