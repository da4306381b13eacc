package org.jqsi.password;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.util.Arrays;
import org.jqsi.core.account.PasswordHash;

/**
 * Argon2id (RFC 9106), by Bouncy Castle's {@link Argon2BytesGenerator}, stored as a PHC string:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH}, the salt (16 random bytes) and the hash (32 bytes) in standard
 * Base64 without padding, as the reference implementation and libsodium write them. Its parameters are written beside
 * it, so that a stored value made with other parameters is still checked with its own, and {@link #needsRehash} says
 * when to hash again with stronger ones. Passwords are taken as UTF-8. Thread-safe.
 */
public final class Argon2idHash implements PasswordHash {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    /** {@code $argon2id$v=19$m=M,t=T,p=P$SALT$HASH}; standard Base64 characters, no padding. */
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final Argon2idParameters parameters;
    private final SecureRandom random;

    /** With {@link Argon2idParameters#OWASP}. */
    public Argon2idHash() {
        this(Argon2idParameters.OWASP, new SecureRandom());
    }

    /** With parameters of its own, and a given source of salts. */
    public Argon2idHash(Argon2idParameters parameters, SecureRandom random) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The parameters new hashes are made with. */
    public Argon2idParameters parameters() {
        return parameters;
    }

    @Override
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        if (password.length == 0) {
            throw new IllegalArgumentException("password: empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, parameters, HASH_BYTES);
        return "$argon2id$v=19$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    @Override
    public boolean matches(char[] password, String stored) {
        Objects.requireNonNull(password, "password");
        Optional<Stored> parsed = parse(stored);
        if (parsed.isEmpty()) {
            return false;
        }
        Stored s = parsed.get();
        byte[] computed = derive(password, s.salt(), s.parameters(), s.hash().length);
        return Arrays.constantTimeAreEqual(computed, s.hash());
    }

    /**
     * The parameters of a stored value, if it is an Argon2id PHC string (version 19) that this class can check;
     * empty otherwise.
     */
    public static Optional<Argon2idParameters> parametersOf(String stored) {
        return parse(stored).map(Stored::parameters);
    }

    /**
     * Whether a stored value should be made again, at the next successful log-in, with {@link #parameters()}: it is
     * not Argon2id, or costs less in some respect.
     */
    @Override
    public boolean needsRehash(String stored) {
        return parametersOf(stored).map(p -> !p.atLeast(parameters)).orElse(true);
    }

    /** A stored value read: its parameters, salt and hash. */
    private record Stored(Argon2idParameters parameters, byte[] salt, byte[] hash) {
    }

    private static Optional<Stored> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        Matcher m = PHC.matcher(stored);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Argon2idParameters parameters = new Argon2idParameters(Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return Optional.of(new Stored(parameters, DECODER.decode(m.group(4)), DECODER.decode(m.group(5))));
        } catch (IllegalArgumentException e) {
            // Parameters out of range, or Base64 of an impossible length: not a value this class made.
            return Optional.empty();
        }
    }

    private static byte[] derive(char[] password, byte[] salt, Argon2idParameters parameters, int length) {
        Argon2Parameters spec = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(spec);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }
}
