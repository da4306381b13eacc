package org.jqsi.jdbc;

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
import org.jqsi.core.account.LoginThrottle;
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
    private final LoginThrottle throttle;

    /**
     * The accounts of a database, their sessions lasting as {@link SessionPolicy#DEFAULT} says, log-ins throttled as
     * {@link LoginThrottle#DEFAULT} says.
     */
    public JdbcAccountStore(Database database) {
        this(database, SessionPolicy.DEFAULT, LoginThrottle.DEFAULT, new SessionTokens());
    }

    /** With a session policy and a throttle of its own, and a given maker of tokens (a seeded one for tests). */
    public JdbcAccountStore(Database database, SessionPolicy policy, LoginThrottle throttle, SessionTokens tokens) {
        this.database = Objects.requireNonNull(database, "database");
        this.jdbi = database.jdbi();
        this.policy = Objects.requireNonNull(policy, "policy");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
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
            if (Failures.sqlState(e).equals(UNIQUE_VIOLATION)) {
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
    public boolean rehashPassword(String email, String expected, String replacement) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(replacement, "replacement");
        Optional<String> address = normalized(email);
        if (address.isEmpty()) {
            return false;
        }
        return run(handle -> AccountTables.replacePasswordHash(handle, address.get(), expected, replacement));
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

    @Override
    public LoginThrottle loginThrottle() {
        return throttle;
    }

    @Override
    public void recordLogin(String email, String clientAddress, boolean succeeded, Instant at) {
        String typed = typed(email);
        String client = client(clientAddress);
        Instant when = millis(at);
        run(handle -> {
            AccountTables.insertAttempt(handle, typed, client, succeeded, when);
            return null;
        });
    }

    @Override
    public Optional<Instant> loginBlockedUntil(String email, String clientAddress, Instant at) {
        String typed = typed(email);
        String client = client(clientAddress);
        Instant when = millis(at);
        Instant windowStart = when.minus(throttle.window());
        return run(handle -> {
            Instant since = AccountTables.lastSuccess(handle, typed).filter(s -> s.isAfter(windowStart))
                    .orElse(windowStart);
            Optional<Instant> byAccount = blockedUntil(AccountTables.failures(handle, true, typed, since, when,
                    throttle.perAccount()), throttle.perAccount());
            Optional<Instant> byAddress = blockedUntil(AccountTables.failures(handle, false, client, windowStart, when,
                    throttle.perAddress()), throttle.perAddress());
            if (byAccount.isPresent() && byAddress.isPresent()) {
                return Optional.of(byAccount.get().isAfter(byAddress.get()) ? byAccount.get() : byAddress.get());
            }
            return byAccount.or(() -> byAddress);
        });
    }

    @Override
    public int deleteLoginAttemptsBefore(Instant before) {
        Instant when = millis(before);
        return run(handle -> AccountTables.deleteAttemptsBefore(handle, when));
    }

    /**
     * With the newest failures, at most {@code limit} of them: when there are {@code limit}, log-in is refused until
     * the oldest of them leaves the window, when {@code limit - 1} remain.
     */
    private Optional<Instant> blockedUntil(List<Instant> newestFailures, int limit) {
        return newestFailures.size() < limit ? Optional.empty()
                : Optional.of(newestFailures.get(limit - 1).plus(throttle.window()));
    }

    /** The address typed, as accounts keep addresses when it is one, else as typed, lower-cased and cut to fit. */
    private static String typed(String email) {
        String given = email == null ? "" : email;
        return normalized(given).orElseGet(() -> {
            String kept = given.strip().toLowerCase(java.util.Locale.ROOT);
            return kept.length() > Account.MAX_EMAIL_LENGTH ? kept.substring(0, Account.MAX_EMAIL_LENGTH) : kept;
        });
    }

    /** A client's IP address as text, as the server gives it (at most 45 characters, IPv6's longest form). */
    private static String client(String clientAddress) {
        Objects.requireNonNull(clientAddress, "clientAddress");
        return clientAddress.length() > 45 ? clientAddress.substring(0, 45) : clientAddress;
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

    private static Instant millis(Instant at) {
        return Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    }
}
