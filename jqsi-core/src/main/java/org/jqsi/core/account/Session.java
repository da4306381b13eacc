package org.jqsi.core.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A log-in session: the account it is for, and its times (UTC instants). It is known by a token that only the browser
 * holds (its cookie); what is stored is the token's SHA-256 ({@link SessionTokens#hash}), so that reading the
 * database gives no session away.
 *
 * @param email the account's address
 * @param created when the person logged in
 * @param lastSeen when it was last used ({@link AccountStore#touchSession})
 * @param expires when it ends whatever its use: {@code created} plus the policy's absolute lifetime
 */
public record Session(String email, Instant created, Instant lastSeen, Instant expires) {

    /** @throws IllegalArgumentException when its times are out of order */
    public Session {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(expires, "expires");
        if (lastSeen.isBefore(created) || !expires.isAfter(created)) {
            throw new IllegalArgumentException("times: created <= lastSeen and created < expires");
        }
    }

    /** Whether it is still good at that instant under the policy: before its expiry and not idle too long. */
    public boolean validAt(Instant at, SessionPolicy policy) {
        return at.isBefore(expires) && at.isBefore(lastSeen.plus(policy.idle()));
    }
}
