package org.jqsi.web.review.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who sent a request, and whether it came over https, as far as the reverse proxies the operator trusts say: the
 * address the connection came from, or, when that is a trusted proxy, the last address in {@code X-Forwarded-For}
 * that is not one (each proxy appends the address it was reached from: only the right end of the list is the
 * proxies' own word). Headers from any other peer are not believed: anyone can write them.
 */
final class ClientAddress {

    private final Set<InetAddress> trustedProxies;

    ClientAddress(List<InetAddress> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /** The client's address, as text, for the log-in throttle and the log. */
    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        InetAddress address = parse(peer);
        if (address == null || !trustedProxies.contains(address)) {
            return String.valueOf(peer);
        }
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
        return address.getHostAddress();
    }

    /** Whether the request came over https: to this server, or to a trusted proxy that says so. */
    boolean secure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        InetAddress peer = parse(request.getRemoteAddr());
        String proto = request.getHeader("X-Forwarded-Proto");
        return peer != null && trustedProxies.contains(peer) && proto != null
                && proto.strip().toLowerCase(Locale.ROOT).endsWith("https");
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
        if (!v4 && !(literal.contains(":") && literal.matches("[0-9A-Fa-f:.]+"))) {
            return null;
        }
        try {
            // Only a literal gets here: InetAddress parses it and looks nothing up.
            return InetAddress.getByName(literal);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
