package org.jqsi.core.account;

import java.time.Duration;
import java.util.Objects;

/**
 * How many failed log-ins are allowed before log-in is refused for a while, per account and per client address
 * (OWASP's Authentication Cheat Sheet: throttle, rather than lock accounts for good). Failures count within a sliding
 * window; an account's count starts again at its last successful log-in, an address's does not (one account of one's
 * own must not reset the guessing of others').
 *
 * @param perAccount failures allowed on one account within the window, at least 1
 * @param perAddress failures allowed from one client address within the window, whatever the accounts, at least 1
 * @param window how far back failures count, positive
 */
public record LoginThrottle(int perAccount, int perAddress, Duration window) {

    /**
     * 5 failures per account and 20 per address in 15 minutes: a person who mistypes gets several tries, a guesser
     * about 500 guesses a day per account. Per address it is higher, as a coalition's office shares one address.
     */
    public static final LoginThrottle DEFAULT = new LoginThrottle(5, 20, Duration.ofMinutes(15));

    /** @throws IllegalArgumentException when a count is below 1 or the window is not positive */
    public LoginThrottle {
        Objects.requireNonNull(window, "window");
        if (perAccount < 1 || perAddress < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limits: at least 1 failure, a positive window");
        }
    }
}
