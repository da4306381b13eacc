package org.jqsi.jdbc;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jqsi.core.account.Account;
import org.jqsi.core.account.AccountException;
import org.jqsi.core.account.AccountStore;
import org.jqsi.core.account.Session;
import org.jqsi.core.account.SessionPolicy;
import org.jqsi.core.account.SessionTokens;
import org.jqsi.jdbc.internal.AccountTables;
import org.jqsi.jdbc.internal.Failures;

/**
 * Accounts, their password hashes and their log-in sessions kept in a {@link Database}, so that every server on one
 * PostgreSQL database honours the same sessions. Each method is one transaction. Only a session token's SHA-256 is
 * stored ({@link SessionTokens#hash}); a password only as its hash, made by the caller ({@code Argon2idHash}).
 *
 * <p>Times are kept to the millisecond. Failures of the database are {@link DatabaseException}s. Thread-safe.
 */
public final class JdbcAccountStore implements AccountStore {

    /** SQL state of a unique constraint violated, on both databases. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;
    private final Jdbi jdbi;
    private final SessionPolicy policy;
    private final SessionTokens tokens;

    /** The accounts of a database, their sessions lasting as {@link SessionPolicy#DEFAULT} says. */
    public JdbcAccountStore(Database database) {
        this(database, SessionPolicy.DEFAULT, new SessionTokens());
    }

    /** With a session policy of its own, and a given maker of tokens (a seeded one for tests). */
    public JdbcAccountStore(Database database, SessionPolicy policy, SessionTokens tokens) {
        this.database = Objects.requireNonNull(database, "database");
        this.jdbi = database.jdbi();
        this.policy = Objects.requireNonNull(policy, "policy");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public Account add(Account account, String passwordHash) throws AccountException {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Account kept = new Account(account.email(), account.role(), account.regions(), account.disabled(),
                millis(account.created()));
        try {
            return jdbi.inTransaction(handle -> {
                if (AccountTables.byEmail(handle, kept.email(), false).isPresent()) {
                    throw AccountException.exists(kept.email());
                }
                AccountTables.insert(handle, kept, passwordHash);
                return kept;
            });
        } catch (JdbiException e) {
            // Two processes adding the same address at once: the second's insert breaks the primary key.
            if (sqlState(e).equals(UNIQUE_VIOLATION)) {
                throw AccountException.exists(kept.email());
            }
            throw Failures.working(database.description(), e);
        }
    }

    @Override
    public Optional<Account> find(String email) {
        return normalized(email).flatMap(address -> run(handle -> AccountTables.byEmail(handle, address, false)));
    }

    @Override
    public List<Account> list() {
        return run(AccountTables::all);
    }

    @Override
    public Account disable(String email) throws AccountException {
        String address = normalized(email).orElseThrow(() -> AccountException.notFound(email));
        return run(handle -> {
            if (!AccountTables.disable(handle, address)) {
                throw AccountException.notFound(address);
            }
            AccountTables.deleteSessionsOf(handle, address);
            return AccountTables.byEmail(handle, address, false).orElseThrow();
        });
    }

    @Override
    public Optional<String> passwordHash(String email) {
        return normalized(email).flatMap(address -> run(handle -> AccountTables.passwordHash(handle, address)));
    }

    @Override
    public void setPasswordHash(String email, String passwordHash) throws AccountException {
        Objects.requireNonNull(passwordHash, "passwordHash");
        String address = normalized(email).orElseThrow(() -> AccountException.notFound(email));
        run(handle -> {
            if (!AccountTables.setPasswordHash(handle, address, passwordHash)) {
                throw AccountException.notFound(address);
            }
            return null;
        });
    }

    @Override
    public SessionPolicy sessionPolicy() {
        return policy;
    }

    @Override
    public NewSession createSession(String email, Instant at) throws AccountException {
        String address = normalized(email).orElseThrow(() -> AccountException.notFound(email));
        Instant when = millis(at);
        String token = tokens.newToken();
        Session session = new Session(address, when, when, when.plus(policy.absolute()));
        run(handle -> {
            // Locked: a session is never made for an account that is being disabled at the same moment.
            Optional<Account> account = AccountTables.byEmail(handle, address, true);
            if (account.isEmpty() || account.get().disabled()) {
                throw AccountException.notFound(address);
            }
            AccountTables.insertSession(handle, SessionTokens.hash(token), session);
            return null;
        });
        return new NewSession(token, session);
    }

    @Override
    public Optional<Session> findSession(String token, Instant at) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String hash = SessionTokens.hash(token);
        return run(handle -> AccountTables.session(handle, hash))
                .filter(row -> !row.accountDisabled() && row.session().validAt(at, policy))
                .map(AccountTables.SessionRow::session);
    }

    @Override
    public Optional<Session> touchSession(String token, Instant at) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String hash = SessionTokens.hash(token);
        Instant when = millis(at);
        return run(handle -> {
            Optional<Session> found = AccountTables.session(handle, hash)
                    .filter(row -> !row.accountDisabled() && row.session().validAt(when, policy))
                    .map(AccountTables.SessionRow::session);
            if (found.isEmpty()) {
                return found;
            }
            AccountTables.touchSession(handle, hash, when);
            Session was = found.get();
            return Optional.of(new Session(was.email(), was.created(),
                    when.isAfter(was.lastSeen()) ? when : was.lastSeen(), was.expires()));
        });
    }

    @Override
    public void deleteSession(String token) {
        if (token == null || token.isEmpty()) {
            return;
        }
        String hash = SessionTokens.hash(token);
        run(handle -> AccountTables.deleteSession(handle, hash));
    }

    @Override
    public int deleteExpiredSessions(Instant at) {
        Instant when = millis(at);
        return run(handle -> AccountTables.deleteExpiredSessions(handle, when, when.minus(policy.idle())));
    }

    /** An address as accounts keep it; empty when it is not one, for it can then have no account. */
    private static Optional<String> normalized(String email) {
        try {
            return Optional.of(Account.normalizeEmail(email));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** In one transaction; the database's failures as {@link DatabaseException}s. */
    private <T, X extends Exception> T run(HandleCallback<T, X> work) throws X {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw Failures.working(database.description(), e);
        }
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    private static Instant millis(Instant at) {
        return Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    }
}
