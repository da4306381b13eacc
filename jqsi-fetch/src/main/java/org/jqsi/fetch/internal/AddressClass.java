package org.jqsi.fetch.internal;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * What an IP address is for, as far as fetching from it goes: {@link #PUBLIC}, or one of the kinds of addresses that
 * lead into the machine or the network it stands in, which a document from someone else must never make jqsi reach.
 *
 * <p>Sources: the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890) for the blocks; RFC 4291 §2.5.5
 * (IPv4-compatible and IPv4-mapped IPv6), RFC 2765 (IPv4-translated), RFC 6052 and RFC 8215 (NAT64), RFC 3056 (6to4)
 * for the IPv6 forms that carry an IPv4 address, which are judged by the address they carry.
 */
public enum AddressClass {
    /** Reachable on the Internet: fetched. */
    PUBLIC("public"),
    /** {@code 0.0.0.0} and {@code ::}: on most systems, this machine. */
    UNSPECIFIED("unspecified"),
    /** {@code 0.0.0.0/8}, "this network" (RFC 791), which some systems route to this machine. */
    THIS_NETWORK("this-network"),
    /** {@code 127.0.0.0/8} and {@code ::1}: this machine. */
    LOOPBACK("loopback"),
    /**
     * RFC 1918 ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}), IPv6 unique local {@code fc00::/7}, the
     * deprecated site-local {@code fec0::/10}, and NAT64's local-use prefix {@code 64:ff9b:1::/48}.
     */
    PRIVATE("private"),
    /** {@code 100.64.0.0/10}, shared address space behind a carrier-grade NAT (RFC 6598), and some clouds' services. */
    SHARED("shared"),
    /** {@code 169.254.0.0/16} (cloud metadata services answer there) and {@code fe80::/10}. */
    LINK_LOCAL("link-local"),
    /** {@code 224.0.0.0/4} and {@code ff00::/8}. */
    MULTICAST("multicast"),
    /** {@code 255.255.255.255}. */
    BROADCAST("broadcast"),
    /** {@code 240.0.0.0/4} (but the broadcast address), reserved for future use, never on the Internet. */
    RESERVED("reserved");

    private final String key;

    AddressClass(String key) {
        this.key = key;
    }

    /** The message key of the class's name ({@code address.loopback}...) in {@link FetchMessages}. */
    public String messageKey() {
        return "address." + key;
    }

    /** The class of an address; an IPv6 address that carries an IPv4 one is judged by the IPv4 one. */
    public static AddressClass of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? ofIpv4(bytes) : ofIpv6(bytes);
    }

    /** The IPv4 address an IPv6 one carries (mapped, compatible, translated, NAT64, 6to4), or {@code null}. */
    public static Inet4Address carriedIpv4(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 16) {
            return null;
        }
        int offset = carriedOffset(b);
        if (offset < 0) {
            return null;
        }
        byte[] v4 = new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
        try {
            return (Inet4Address) InetAddress.getByAddress(v4);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }

    private static AddressClass ofIpv4(byte[] b) {
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0) {
            return (b[1] | b[2] | b[3]) == 0 ? UNSPECIFIED : THIS_NETWORK;
        }
        if (b0 == 127) {
            return LOOPBACK;
        }
        if (b0 == 10 || b0 == 172 && (b1 & 0xf0) == 16 || b0 == 192 && b1 == 168) {
            return PRIVATE;
        }
        if (b0 == 100 && (b1 & 0xc0) == 64) {
            return SHARED;
        }
        if (b0 == 169 && b1 == 254) {
            return LINK_LOCAL;
        }
        if ((b0 & 0xf0) == 224) {
            return MULTICAST;
        }
        if ((b[0] & b[1] & b[2] & b[3]) == (byte) 0xff) {
            return BROADCAST;
        }
        if ((b0 & 0xf0) == 240) {
            return RESERVED;
        }
        return PUBLIC;
    }

    private static AddressClass ofIpv6(byte[] b) {
        if (zero(b, 0, 16)) {
            return UNSPECIFIED;
        }
        if (zero(b, 0, 15) && b[15] == 1) {
            return LOOPBACK;
        }
        int offset = carriedOffset(b);
        if (offset >= 0) {
            AddressClass carried = ofIpv4(new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]});
            // 6to4 of a public address is an ordinary public IPv6 address.
            return carried;
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && b[4] == 0 && b[5] == 1) {
            return PRIVATE;
        }
        if ((b0 & 0xfe) == 0xfc) {
            return PRIVATE;
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return PRIVATE;
        }
        if (b0 == 0xff) {
            return MULTICAST;
        }
        return PUBLIC;
    }

    /** Where the IPv4 address an IPv6 one carries starts, or -1 when it carries none. */
    private static int carriedOffset(byte[] b) {
        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, but for :: and ::1, which are IPv6's own).
        if (zero(b, 0, 10) && (b[10] & b[11]) == (byte) 0xff
                || zero(b, 0, 12) && !(zero(b, 12, 15) && (b[15] == 0 || b[15] == 1))) {
            return 12;
        }
        // ::ffff:0:a.b.c.d (translated, RFC 2765).
        if (zero(b, 0, 8) && (b[8] & b[9]) == (byte) 0xff && b[10] == 0 && b[11] == 0) {
            return 12;
        }
        // 64:ff9b::a.b.c.d (NAT64's well-known prefix: a gateway on the network may translate it).
        if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && zero(b, 4, 12)) {
            return 12;
        }
        // 2002:a.b.c.d::/48 (6to4).
        if (b[0] == 0x20 && b[1] == 0x02) {
            return 2;
        }
        return -1;
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
