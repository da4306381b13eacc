package org.jqsi.fetch.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The addresses a URL's host stands for, and the first of them that the address rule refuses.
 *
 * <p>A host is judged by every reading there is of it: written as numbers, as {@code inet_aton} reads them
 * ({@link NumericHost}); and resolved, by Java's resolver, to every address it has (a name with one public and one
 * private address is refused: the client may connect to either). Resolution goes through the JVM's address cache,
 * which the JDK's HTTP client then uses too (see the module's README on DNS rebinding).
 */
public final class HostAddresses {

    private HostAddresses() {
    }

    /** An address the rule refuses, and why. */
    public record Refusal(InetAddress address, AddressClass why) {

        /**
         * The address as people write it ({@code 127.0.0.1}, {@code ::1}, {@code fe80::1}), with the IPv4 address an
         * IPv6 one carries: {@code ::7f00:1 (127.0.0.1)}.
         */
        public String shown() {
            Inet4Address carried = AddressClass.carriedIpv4(address);
            return written(address) + (carried == null ? "" : " (" + carried.getHostAddress() + ")");
        }
    }

    /**
     * The host of a URL, without the brackets of an IPv6 literal; when Java's URI parser finds no host (it does not
     * read {@code 127.1}, {@code 0x7f.1} or {@code a_b.example} as host names), the host part of the raw authority;
     * {@code null} when there is none at all.
     */
    public static String hostOf(URI url) {
        String host = url.getHost();
        if (host == null) {
            String authority = url.getRawAuthority();
            if (authority == null) {
                return null;
            }
            host = authority.substring(authority.lastIndexOf('@') + 1);
            if (!host.startsWith("[") && host.indexOf(':') >= 0) {
                host = host.substring(0, host.indexOf(':'));
            }
        }
        if (host.startsWith("[") && host.indexOf(']') > 0) {
            host = host.substring(1, host.indexOf(']'));
        }
        return host.isEmpty() ? null : host;
    }

    /**
     * The first address of a host that is not {@link AddressClass#PUBLIC}: the IPv6 literal it is, or its reading as
     * numbers, then, when {@code resolve}, each address the resolver gives.
     *
     * @throws UnknownHostException when the host is resolved and has no address
     */
    public static Optional<Refusal> firstRefused(String host, boolean resolve) throws UnknownHostException {
        if (host.indexOf(':') >= 0) {
            // An IPv6 literal, judged before its zone (fe80::1%eth0) makes the resolver look for an interface.
            int zone = host.indexOf('%');
            InetAddress literal = InetAddress.getByName(zone < 0 ? host : host.substring(0, zone));
            if (AddressClass.of(literal) != AddressClass.PUBLIC) {
                return Optional.of(new Refusal(literal, AddressClass.of(literal)));
            }
        }
        if (NumericHost.endsInANumber(host)) {
            Optional<InetAddress> numeric = NumericHost.ipv4(host);
            if (numeric.isPresent() && AddressClass.of(numeric.get()) != AddressClass.PUBLIC) {
                return Optional.of(new Refusal(numeric.get(), AddressClass.of(numeric.get())));
            }
        }
        if (!resolve) {
            return Optional.empty();
        }
        for (InetAddress address : InetAddress.getAllByName(host)) {
            AddressClass why = AddressClass.of(address);
            if (why != AddressClass.PUBLIC) {
                return Optional.of(new Refusal(address, why));
            }
        }
        return Optional.empty();
    }

    /** An address in its shortest usual form: IPv6 with its longest run of zero groups as {@code ::} (RFC 5952). */
    static String written(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
