package org.jqsi.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.Query;
import org.jqsi.core.account.Account;
import org.jqsi.core.account.Role;
import org.jqsi.core.account.Session;
import org.jqsi.core.model.Region;

/**
 * The SQL of the accounts' tables ({@code V2__accounts.sql}), on a handle whose transaction the caller holds: rows
 * read into the domain's records and written from them. No rule of the domain is decided here.
 */
public final class AccountTables {

    private AccountTables() {
    }

    /** Keeps a new account, its regions and its password hash. */
    public static void insert(Handle handle, Account account, String passwordHash) {
        handle.createUpdate("INSERT INTO accounts (email, role, password_hash, disabled, created_at) "
                        + "VALUES (:email, :role, :hash, :disabled, :created)")
                .bind("email", account.email())
                .bind("role", account.role().code())
                .bind("hash", passwordHash)
                .bind("disabled", account.disabled())
                .bind("created", instant(account.created()))
                .execute();
        for (Region region : account.regions()) {
            handle.createUpdate("INSERT INTO account_regions (email, region) VALUES (:email, :region)")
                    .bind("email", account.email()).bind("region", region.code()).execute();
        }
    }

    /** The account of an address; locked for update when asked. */
    public static Optional<Account> byEmail(Handle handle, String email, boolean lock) {
        Optional<Row> row = handle.createQuery("SELECT email, role, disabled, created_at FROM accounts "
                        + "WHERE email = :email" + (lock ? " FOR UPDATE" : ""))
                .bind("email", email).map((rs, ctx) -> row(rs)).findOne();
        return row.map(r -> r.account(regions(handle, r.email()).getOrDefault(r.email(), Set.of())));
    }

    /** Every account, by address. */
    public static List<Account> all(Handle handle) {
        Map<String, Set<Region>> regions = regions(handle, null);
        return handle.createQuery("SELECT email, role, disabled, created_at FROM accounts ORDER BY email")
                .map((rs, ctx) -> row(rs)).list().stream()
                .map(r -> r.account(regions.getOrDefault(r.email(), Set.of()))).toList();
    }

    /** Marks an account disabled; whether there was one. */
    public static boolean disable(Handle handle, String email) {
        return handle.createUpdate("UPDATE accounts SET disabled = TRUE WHERE email = :email").bind("email", email)
                .execute() == 1;
    }

    /** The stored password hash of an account. */
    public static Optional<String> passwordHash(Handle handle, String email) {
        return handle.createQuery("SELECT password_hash FROM accounts WHERE email = :email").bind("email", email)
                .mapTo(String.class).findOne();
    }

    /** Replaces an account's password hash; whether there was one. */
    public static boolean setPasswordHash(Handle handle, String email, String passwordHash) {
        return handle.createUpdate("UPDATE accounts SET password_hash = :hash WHERE email = :email")
                .bind("email", email).bind("hash", passwordHash).execute() == 1;
    }

    /** Replaces a password hash if it is still {@code expected}; whether it was. */
    public static boolean replacePasswordHash(Handle handle, String email, String expected, String replacement) {
        return handle.createUpdate("UPDATE accounts SET password_hash = :replacement "
                        + "WHERE email = :email AND password_hash = :expected")
                .bind("email", email).bind("expected", expected).bind("replacement", replacement).execute() == 1;
    }

    /** Keeps a new session under its token's hash. */
    public static void insertSession(Handle handle, String tokenHash, Session session) {
        handle.createUpdate("INSERT INTO sessions (token_hash, email, created_at, last_seen_at, expires_at) "
                        + "VALUES (:hash, :email, :created, :seen, :expires)")
                .bind("hash", tokenHash)
                .bind("email", session.email())
                .bind("created", instant(session.created()))
                .bind("seen", instant(session.lastSeen()))
                .bind("expires", instant(session.expires()))
                .execute();
    }

    /** The session of a token's hash, with whether its account is disabled. */
    public static Optional<SessionRow> session(Handle handle, String tokenHash) {
        return handle.createQuery("SELECT s.email, s.created_at, s.last_seen_at, s.expires_at, a.disabled "
                        + "FROM sessions s JOIN accounts a ON a.email = s.email WHERE s.token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new SessionRow(new Session(rs.getString("email"), time(rs, "created_at"),
                        time(rs, "last_seen_at"), time(rs, "expires_at")), rs.getBoolean("disabled")))
                .findOne();
    }

    /** Marks a session used at that instant. */
    public static void touchSession(Handle handle, String tokenHash, Instant at) {
        handle.createUpdate("UPDATE sessions SET last_seen_at = :seen WHERE token_hash = :hash AND last_seen_at < :seen")
                .bind("hash", tokenHash).bind("seen", instant(at)).execute();
    }

    /** Removes a session; whether there was one. */
    public static boolean deleteSession(Handle handle, String tokenHash) {
        return handle.createUpdate("DELETE FROM sessions WHERE token_hash = :hash").bind("hash", tokenHash)
                .execute() == 1;
    }

    /** Removes every session of an account. */
    public static int deleteSessionsOf(Handle handle, String email) {
        return handle.createUpdate("DELETE FROM sessions WHERE email = :email").bind("email", email).execute();
    }

    /** Removes the sessions past their absolute expiry, or last used before {@code idleSince}. */
    public static int deleteExpiredSessions(Handle handle, Instant at, Instant idleSince) {
        return handle.createUpdate("DELETE FROM sessions WHERE expires_at <= :at OR last_seen_at <= :idle")
                .bind("at", instant(at)).bind("idle", instant(idleSince)).execute();
    }

    /** Keeps a log-in attempt. */
    public static void insertAttempt(Handle handle, String email, String clientAddress, boolean succeeded,
            Instant at) {
        handle.createUpdate("INSERT INTO login_attempts (attempted_at, email, address, succeeded) "
                        + "VALUES (:at, :email, :address, :succeeded)")
                .bind("at", instant(at)).bind("email", email).bind("address", clientAddress)
                .bind("succeeded", succeeded).execute();
    }

    /** The last successful log-in to an address typed, if any. */
    public static Optional<Instant> lastSuccess(Handle handle, String email) {
        return handle.createQuery("SELECT MAX(attempted_at) AS at FROM login_attempts "
                        + "WHERE email = :email AND succeeded")
                .bind("email", email)
                .map((rs, ctx) -> {
                    OffsetDateTime at = rs.getObject("at", OffsetDateTime.class);
                    return at == null ? null : at.toInstant();
                })
                .findOne();
    }

    /**
     * The times of the newest failed attempts, at most {@code limit}, newest first, made after {@code since} and not
     * after {@code until}, to an address typed ({@code byEmail}) or from a client address.
     */
    public static List<Instant> failures(Handle handle, boolean byEmail, String value, Instant since, Instant until,
            int limit) {
        return handle.createQuery("SELECT attempted_at FROM login_attempts WHERE "
                        + (byEmail ? "email" : "address") + " = :value AND NOT succeeded "
                        + "AND attempted_at > :since AND attempted_at <= :until ORDER BY attempted_at DESC LIMIT "
                        + limit)
                .bind("value", value).bind("since", instant(since)).bind("until", instant(until))
                .map((rs, ctx) -> time(rs, "attempted_at")).list();
    }

    /** Removes the attempts made before an instant. */
    public static int deleteAttemptsBefore(Handle handle, Instant before) {
        return handle.createUpdate("DELETE FROM login_attempts WHERE attempted_at < :before")
                .bind("before", instant(before)).execute();
    }

    /** A session as stored, and whether its account is disabled. */
    public record SessionRow(Session session, boolean accountDisabled) {
    }

    private record Row(String email, Role role, boolean disabled, Instant created) {
        Account account(Set<Region> regions) {
            return new Account(email, role, regions, disabled, created);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        String role = rs.getString("role");
        return new Row(rs.getString("email"), Role.ofCode(role)
                .orElseThrow(() -> new IllegalStateException("accounts.role: unknown " + role)),
                rs.getBoolean("disabled"), time(rs, "created_at"));
    }

    /** The regions of one account, or of all when {@code email} is null. */
    private static Map<String, Set<Region>> regions(Handle handle, String email) {
        Map<String, Set<Region>> regions = new HashMap<>();
        Query query = handle.createQuery("SELECT email, region FROM account_regions"
                + (email == null ? "" : " WHERE email = :email"));
        if (email != null) {
            query.bind("email", email);
        }
        query.map((rs, ctx) -> {
            String code = rs.getString("region");
            Region region = Region.byCode(code)
                    .orElseThrow(() -> new IllegalStateException("account_regions.region: unknown " + code));
            regions.computeIfAbsent(rs.getString("email"), e -> EnumSet.noneOf(Region.class)).add(region);
            return region;
        }).list();
        return regions;
    }

    static Instant time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** An instant as a UTC {@link OffsetDateTime}, which both drivers keep as it is, whatever the JVM's zone. */
    static Argument instant(Instant at) {
        OffsetDateTime utc = OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, utc, Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
