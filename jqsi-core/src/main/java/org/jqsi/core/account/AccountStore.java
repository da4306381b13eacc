package org.jqsi.core.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where accounts, their password hashes and their log-in sessions are kept. Addresses are compared as
 * {@link Account#normalizeEmail} makes them. Sessions last as the store's {@link SessionPolicy} says; log-in attempts
 * are throttled as its {@link LoginThrottle} says. Each method is
 * one transaction; implementations are thread-safe, and several processes may share one store.
 */
public interface AccountStore {

    /** A session just made, with its token: the one time the token is known, to put in the person's cookie. */
    record NewSession(String token, Session session) {
    }

    /**
     * Adds an account with its password hash ({@link PasswordHash#hash}).
     *
     * @throws AccountException {@link AccountException.Reason#EXISTS} when an account has that address already
     */
    Account add(Account account, String passwordHash) throws AccountException;

    /** The account of an address, disabled or not; empty when there is none or the address is not one. */
    Optional<Account> find(String email);

    /** Every account, by address. */
    List<Account> list();

    /**
     * Disables an account and ends its sessions; disabling one already disabled does nothing more.
     *
     * @return the account, disabled
     * @throws AccountException {@link AccountException.Reason#NOT_FOUND} when no account has that address
     */
    Account disable(String email) throws AccountException;

    /** The stored password hash of an account, to check a password against; empty when there is no such account. */
    Optional<String> passwordHash(String email);

    /**
     * Replaces an account's password hash (a new password, or the same one hashed with stronger parameters).
     *
     * @throws AccountException {@link AccountException.Reason#NOT_FOUND} when no account has that address
     */
    void setPasswordHash(String email, String passwordHash) throws AccountException;

    /**
     * Replaces an account's password hash only if it is still the one given: how a log-in stores the same password
     * hashed with stronger parameters ({@link PasswordHash#needsRehash}) without undoing a password changed meanwhile.
     *
     * @return whether it was replaced; {@code false} when the account has another hash by now, or is gone
     */
    boolean rehashPassword(String email, String expected, String replacement);

    /** How long its sessions last. */
    SessionPolicy sessionPolicy();

    /**
     * Starts a session for an account, at an instant: its token is returned, only its hash is stored. The caller has
     * checked the password first.
     *
     * @throws AccountException {@link AccountException.Reason#NOT_FOUND} when no enabled account has that address
     */
    NewSession createSession(String email, Instant at) throws AccountException;

    /**
     * The session of a token, if it is still good at that instant ({@link Session#validAt}) and its account is
     * enabled; empty otherwise (unknown token, expired, logged out, account disabled).
     */
    Optional<Session> findSession(String token, Instant at);

    /**
     * Like {@link #findSession}, and marks the session used at that instant, which puts off its idle expiry (never its
     * absolute one).
     */
    Optional<Session> touchSession(String token, Instant at);

    /** Ends a session (log-out); a token that has no session does nothing. */
    void deleteSession(String token);

    /**
     * Removes the sessions that have expired at that instant, idle or absolute: they are refused anyway, this keeps
     * the table small.
     *
     * @return how many were removed
     */
    int deleteExpiredSessions(Instant at);

    /** How failed log-ins are throttled. */
    LoginThrottle loginThrottle();

    /**
     * Keeps a log-in attempt, for throttling: the address typed (as accounts keep addresses, whether an account has it
     * or not), the client's IP address, and whether the password was right.
     */
    void recordLogin(String email, String clientAddress, boolean succeeded, Instant at);

    /**
     * Until when log-in is refused for this address typed or from this client address, at an instant: empty when it
     * is allowed. Ask before checking the password, so that a refused attempt costs no hashing; refuse it without
     * saying whether the password was right.
     */
    Optional<Instant> loginBlockedUntil(String email, String clientAddress, Instant at);

    /**
     * Forgets the log-in attempts made before an instant (older than the throttle's window, they no longer count).
     *
     * @return how many were forgotten
     */
    int deleteLoginAttemptsBefore(Instant before);
}
