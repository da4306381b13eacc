package org.jqsi.password;

/**
 * The cost of an Argon2id hash, written in its PHC string beside it ({@code m=19456,t=2,p=1}).
 *
 * @param memoryKiB memory, in kibibytes (1024 bytes), at least {@code 8 * parallelism}, at most
 *     {@value #MAX_MEMORY_KIB} (1 GiB)
 * @param iterations passes over the memory, 1 to {@value #MAX_ITERATIONS}
 * @param parallelism lanes, 1 to {@value #MAX_PARALLELISM}
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism) {

    /** The most memory a hash may ask for: a stored value asking more is refused rather than run. */
    public static final int MAX_MEMORY_KIB = 1 << 20;
    /** The most passes a hash may ask for. */
    public static final int MAX_ITERATIONS = 64;
    /** The most lanes a hash may ask for. */
    public static final int MAX_PARALLELISM = 16;

    /**
     * OWASP's Password Storage Cheat Sheet's first Argon2id setting: 19 MiB, 2 passes, 1 lane (about 30 ms on a
     * present-day core; a log-in is not slowed, a guesser is by as much per guess).
     */
    public static final Argon2idParameters OWASP = new Argon2idParameters(19456, 2, 1);

    /** @throws IllegalArgumentException when a value is out of its range */
    public Argon2idParameters {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism: 1 to " + MAX_PARALLELISM + ", not " + parallelism);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations: 1 to " + MAX_ITERATIONS + ", not " + iterations);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("memoryKiB: " + 8 * parallelism + " to " + MAX_MEMORY_KIB + ", not "
                    + memoryKiB);
        }
    }

    /** Whether these cost at least as much as the others in every respect. */
    public boolean atLeast(Argon2idParameters other) {
        return memoryKiB >= other.memoryKiB && iterations >= other.iterations && parallelism >= other.parallelism;
    }
}
