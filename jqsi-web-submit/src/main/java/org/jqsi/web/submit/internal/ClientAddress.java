package org.jqsi.web.submit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Who sent a request, as far as the rate limit is concerned: the address the connection came from, or, when that is
 * one of the reverse proxies the operator trusts, the last address in {@code X-Forwarded-For} that is not one of
 * them (each proxy appends the address it was reached from, so only the right end of the list is the proxies' own
 * word; what a client wrote to the left of it is not believed). An IPv6 client is named by its {@code /64} network.
 */
final class ClientAddress {

    private final Set<InetAddress> trustedProxies;

    ClientAddress(List<InetAddress> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /** The client's name for the rate limit: an IPv4 address, or an IPv6 {@code /64} network. */
    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        InetAddress address = parse(peer);
        if (address != null && trustedProxies.contains(address)) {
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
        }
        return address == null ? String.valueOf(peer) : name(address);
    }

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
