package org.jqsi.jdbc.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The table {@code shared_secrets} ({@code V3__shared_secrets.sql}): a secret per name, made at random by the first
 * process that asks for it and read by every other one on the same database, so that servers behind one load balancer
 * sign and check alike, and a restart keeps what was signed before it.
 */
public final class SharedSecrets {

    /** SQL state of a unique constraint violated, on both databases. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SharedSecrets() {
    }

    /**
     * The secret of that name, made and kept if there is none yet. Two processes asking at once for a new one get the
     * same: the second one's insert breaks the primary key, and it reads the first one's.
     *
     * @return 32 random bytes in unpadded base64url, 43 characters
     * @throws JdbiException when the database cannot be read or written
     */
    public static String get(Jdbi jdbi, String name) {
        Optional<String> kept = find(jdbi, name);
        if (kept.isPresent()) {
            return kept.get();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String made = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            jdbi.useHandle(handle -> handle.createUpdate(
                    "INSERT INTO shared_secrets (name, secret, created_at) VALUES (:name, :secret, CURRENT_TIMESTAMP)")
                    .bind("name", name).bind("secret", made).execute());
            return made;
        } catch (JdbiException e) {
            if (!Failures.sqlState(e).equals(UNIQUE_VIOLATION)) {
                throw e;
            }
            return find(jdbi, name).orElseThrow(() -> e);
        }
    }

    private static Optional<String> find(Jdbi jdbi, String name) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT secret FROM shared_secrets WHERE name = :name")
                .bind("name", name).mapTo(String.class).findOne());
    }
}
