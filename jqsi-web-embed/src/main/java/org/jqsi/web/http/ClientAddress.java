package org.jqsi.web.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who sent a request, and whether it came over https, as far as the reverse proxies the operator trusts say: the
 * address the connection came from, or, when that is a trusted proxy, the last address in {@code X-Forwarded-For}
 * that is not one (each proxy appends the address it was reached from, so only the right end of the list is the
 * proxies' own word; what a client wrote to the left of it is not believed). Headers from any other peer are not
 * believed either: anyone can write them. Only literal IPv4 and IPv6 addresses are read; no name is ever looked up.
 * Thread-safe and immutable.
 */
public final class ClientAddress {

    private final Set<InetAddress> trustedProxies;

    /**
     * @param trustedProxies the addresses of the reverse proxies whose {@code X-Forwarded-For} and
     *     {@code X-Forwarded-Proto} are believed; empty when the server faces clients directly
     */
    public ClientAddress(List<InetAddress> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /**
     * The client's address, as text, for a log-in throttle and the log.
     *
     * @return the address {@code X-Forwarded-For} gives when the peer is a trusted proxy, in
     *     {@link InetAddress#getHostAddress()} form; otherwise the peer's address as the container gives it
     *     ({@code "null"} when it gives none)
     */
    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        InetAddress address = parse(peer);
        if (address == null || !trustedProxies.contains(address)) {
            return String.valueOf(peer);
        }
        return forwarded(request, address).getHostAddress();
    }

    /**
     * The client's name for a rate limit: its IPv4 address, or the {@code /64} network of its IPv6 address (one
     * household or one host usually has a whole {@code /64}, so counting single IPv6 addresses would let it take a
     * new one per request), for example {@code "2001:db8:1:3::/64"}.
     *
     * @return that name, or the peer's address as the container gives it when it is not a literal address
     */
    public String network(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        InetAddress address = parse(peer);
        if (address == null) {
            return String.valueOf(peer);
        }
        return name(trustedProxies.contains(address) ? forwarded(request, address) : address);
    }

    /** Whether the request came over https: to this server, or to a trusted proxy that says so. */
    public boolean secure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        InetAddress peer = parse(request.getRemoteAddr());
        String proto = request.getHeader("X-Forwarded-Proto");
        return peer != null && trustedProxies.contains(peer) && proto != null
                && proto.strip().toLowerCase(Locale.ROOT).endsWith("https");
    }

    /** The client behind the trusted proxy {@code proxy}: read from the right end of {@code X-Forwarded-For}. */
    private InetAddress forwarded(HttpServletRequest request, InetAddress proxy) {
        InetAddress address = proxy;
        List<String> forwarded = request.getHeaders("X-Forwarded-For") == null ? List.of()
                : Collections.list(request.getHeaders("X-Forwarded-For"));
        String[] hops = String.join(",", forwarded).split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            InetAddress hop = parse(hops[i].strip());
            if (hop == null) {
                break;
            }
            address = hop;
            if (!trustedProxies.contains(hop)) {
                break;
            }
        }
        return address;
    }

    /** An IPv4 address as it is; an IPv6 one as its {@code /64} network. */
    static String name(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        }
        return address.getHostAddress();
    }

    /** A literal IPv4 or IPv6 address, never a name to look up; {@code null} for anything else. */
    static InetAddress parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (v4) {
            for (String octet : literal.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        }
        boolean v6 = literal.contains(":") && literal.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return null;
        }
        try {
            // Only a literal gets here (an IPv4 one whose numbers fit, or one with colons): InetAddress parses it and
            // looks nothing up.
            return InetAddress.getByName(literal);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
