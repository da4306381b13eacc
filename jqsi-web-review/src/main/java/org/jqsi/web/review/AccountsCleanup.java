package org.jqsi.web.review;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jqsi.core.account.AccountStore;

/**
 * Removes the sessions that have expired and the log-in attempts too old to count: both are refused or ignored
 * anyway, this keeps the tables small. A host runs it every hour or so ({@code jqsi serve} does); several servers on
 * one database may each run it. Thread-safe.
 */
public final class AccountsCleanup implements Runnable {

    private final AccountStore accounts;
    private final Clock clock;

    public AccountsCleanup(AccountStore accounts, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Removes them now. */
    @Override
    public void run() {
        cleanUp();
    }

    /**
     * Removes them now.
     *
     * @return how many sessions and attempts were removed
     * @throws RuntimeException when the database cannot be reached (the next run tries again)
     */
    public Removed cleanUp() {
        Instant now = clock.instant();
        int sessions = accounts.deleteExpiredSessions(now);
        int attempts = accounts.deleteLoginAttemptsBefore(now.minus(accounts.loginThrottle().window()));
        return new Removed(sessions, attempts);
    }

    /**
     * What one run removed.
     *
     * @param sessions expired sessions
     * @param attempts log-in attempts older than the throttle's window
     */
    public record Removed(int sessions, int attempts) {
    }
}
