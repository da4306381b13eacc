package org.jqsi.web.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.jqsi.core.account.Account;
import org.jqsi.core.account.AccountException;
import org.jqsi.core.account.AccountStore;
import org.jqsi.core.account.PasswordHash;

/**
 * One log-in attempt: refused without looking at the password while the store's throttle blocks the address typed
 * or the client's address; else the password is checked (as long for an address that has no account as for one that
 * has, so that timing tells nothing), the attempt kept for the throttle, and a session started when it is right.
 */
final class LogIn {

    /** How an attempt ended. */
    sealed interface Outcome {
    }

    /** Refused until then, the password unread. */
    record Blocked(Instant until) implements Outcome {
    }

    /** Wrong address or password, or a disabled account: the same to the person. */
    record Failed() implements Outcome {
    }

    /** Logged in: the new session's token, for the cookie. */
    record LoggedIn(String token) implements Outcome {
    }

    /** The longest password checked: a longer one is no one's, and is refused without being hashed. */
    static final int MAX_PASSWORD = 1024;

    private final AccountStore accounts;
    private final PasswordHash passwords;
    private final Clock clock;
    private volatile String unknownAccountHash;

    LogIn(AccountStore accounts, PasswordHash passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Tries a log-in; the password's characters are overwritten afterwards. */
    Outcome attempt(String email, char[] password, String client) {
        try {
            Instant now = clock.instant();
            Optional<Instant> blocked = accounts.loginBlockedUntil(email, client, now);
            if (blocked.isPresent()) {
                return new Blocked(blocked.get());
            }
            Optional<String> stored = isAddress(email) ? accounts.passwordHash(email) : Optional.empty();
            boolean right = password.length > 0 && password.length <= MAX_PASSWORD
                    && passwords.matches(password, stored.orElseGet(this::unknown))
                    && stored.isPresent()
                    && accounts.find(email).filter(account -> !account.disabled()).isPresent();
            Outcome outcome = new Failed();
            if (right) {
                try {
                    outcome = new LoggedIn(accounts.createSession(email, now).token());
                } catch (AccountException e) {
                    // Disabled or removed between the check and now: a failure like any other.
                    right = false;
                }
                if (right && passwords.needsRehash(stored.get())) {
                    // The only moment the password is at hand: stored again at today's parameters, unless it was
                    // changed meanwhile (then the new one stays).
                    accounts.rehashPassword(email, stored.get(), passwords.hash(password));
                }
            }
            accounts.recordLogin(email, client, right, now);
            return outcome;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** A hash to check a password against when the address has no account, made once. */
    private String unknown() {
        String hash = unknownAccountHash;
        if (hash == null) {
            hash = passwords.hash("no account has this address".toCharArray());
            unknownAccountHash = hash;
        }
        return hash;
    }

    private static boolean isAddress(String email) {
        try {
            Account.normalizeEmail(email);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
