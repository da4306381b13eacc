package org.jqsi.core.account;

/**
 * Turns a password into what is stored, and checks a password against it. The stored value names its algorithm and
 * parameters (a PHC string such as {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH}), so that stronger parameters can
 * be chosen later without making the stored ones unreadable. Implementations are thread-safe.
 */
public interface PasswordHash {

    /**
     * The value to store for a password: salted with fresh random bytes, so that two hashes of one password differ.
     * The caller may overwrite the array afterwards.
     *
     * @throws IllegalArgumentException when the password is empty
     */
    String hash(char[] password);

    /**
     * Whether the password is the one the stored value was made from, compared in constant time. A stored value that
     * this implementation cannot read (another algorithm, damaged) matches no password.
     */
    boolean matches(char[] password, String stored);

    /**
     * Whether a stored value should be made again with this implementation's present parameters, at the next
     * successful log-in (when the password is at hand): it was made with weaker ones, or with another algorithm.
     * Without an opinion, never.
     */
    default boolean needsRehash(String stored) {
        return false;
    }
}
