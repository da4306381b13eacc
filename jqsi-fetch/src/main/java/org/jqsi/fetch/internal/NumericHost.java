package org.jqsi.fetch.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A host name written as an IPv4 address in any of the spellings that C's {@code inet_aton}, browsers (the WHATWG URL
 * standard's IPv4 parser) and curl accept: one to four parts, each decimal, octal with a leading {@code 0} or
 * hexadecimal with {@code 0x}, the last one filling the remaining bytes, an optional final dot. {@code 2130706433},
 * {@code 0x7f.1}, {@code 017700000001}, {@code 127.1} and {@code 0177.0.0.1} are all {@code 127.0.0.1}.
 *
 * <p>Why jqsi reads them itself: Java's resolver reads some of them as decimal ({@code 0177.0.0.1} as
 * {@code 177.0.0.1}), refuses others, and hands the rest to the system's resolver, which reads them as
 * {@code inet_aton} does. The address rule judges every reading there is; this is the one Java does not make.
 */
public final class NumericHost {

    private NumericHost() {
    }

    /**
     * Whether a host is meant as a number, as the WHATWG URL standard decides it: its last label (after an optional
     * final dot) is made of digits, or is {@code 0x} and hexadecimal digits. Such a host is an IPv4 address or
     * nothing, never a name to look up. An IPv6 literal ({@code ::ffff:127.0.0.1}) is not one.
     */
    public static boolean endsInANumber(String host) {
        if (host.indexOf(':') >= 0) {
            return false;
        }
        String last = labels(host).get(labels(host).size() - 1);
        if (last.isEmpty()) {
            return false;
        }
        if (last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        String lower = last.toLowerCase(Locale.ROOT);
        return lower.startsWith("0x")
                && lower.substring(2).chars().allMatch(c -> c < 128 && Character.digit(c, 16) >= 0);
    }

    /** The IPv4 address a host written as numbers stands for; empty when it is not one (a name, or no address). */
    public static Optional<InetAddress> ipv4(String host) {
        List<String> parts = labels(host);
        if (parts.size() > 4) {
            return Optional.empty();
        }
        long[] numbers = new long[parts.size()];
        for (int i = 0; i < numbers.length; i++) {
            BigInteger number = number(parts.get(i));
            if (number == null || number.bitLength() > 32) {
                return Optional.empty();
            }
            numbers[i] = number.longValue();
        }
        long address = 0;
        for (int i = 0; i < numbers.length - 1; i++) {
            if (numbers[i] > 255) {
                return Optional.empty();
            }
            address |= numbers[i] << (8 * (3 - i));
        }
        long last = numbers[numbers.length - 1];
        if (last >= 1L << (8 * (5 - numbers.length))) {
            return Optional.empty();
        }
        address |= last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }

    /** The dot-separated labels, less one final empty label (a final dot). */
    private static List<String> labels(String host) {
        String trimmed = host.endsWith(".") && host.length() > 1 ? host.substring(0, host.length() - 1) : host;
        return List.of(trimmed.split("\\.", -1));
    }

    private static BigInteger number(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        int radix = 10;
        String digits = lower;
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = lower.substring(2);
            if (digits.isEmpty()) {
                return BigInteger.ZERO;
            }
        } else if (lower.length() > 1 && lower.startsWith("0")) {
            radix = 8;
            digits = lower.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 64) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            // ASCII only: Character.digit also reads other scripts' digits, which no resolver does.
            char c = digits.charAt(i);
            if (c >= 128 || Character.digit(c, radix) < 0) {
                return null;
            }
        }
        return new BigInteger(digits, radix);
    }
}
