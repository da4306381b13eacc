package org.jqsi.web.internal;

import java.net.URI;
import java.util.Locale;

/**
 * An address from the program as an {@code href}, when it is safe to link to. jte escapes an {@code href} but does
 * not look at its scheme, so a {@code javascript:} address would run in the widget's origin: only absolute http(s)
 * addresses with a host pass. A validated program has no other kind, but the widget may be handed any program.
 */
final class SafeHref {

    private SafeHref() {
    }

    /** The address as an {@code href}, or {@code null} when it is missing or not a plain web address. */
    static String orNull(URI address) {
        if (address == null || !address.isAbsolute() || address.isOpaque() || address.getHost() == null
                || address.getHost().isEmpty()) {
            return null;
        }
        String scheme = address.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http") ? address.toASCIIString() : null;
    }
}
