package org.jqsi.web.internal;

import java.nio.charset.StandardCharsets;

/**
 * The widget's entity tags ({@code ETag}): strong tags made of everything a response depends on (the program's
 * version, the normalised request, the language, the assets' version), so that every server gives the same tag for
 * the same response, and the comparison of RFC 9110 (section 13.1.2) for {@code If-None-Match}.
 */
final class EntityTag {

    private EntityTag() {
    }

    /** A strong tag for a response made from these parts: 32 hex digits, quoted. */
    static String of(String... parts) {
        String joined = String.join("\n", parts);
        return quoted(Assets.sha256(joined.getBytes(StandardCharsets.UTF_8)).substring(0, 32));
    }

    /** A tag that is a content hash already (an asset's). */
    static String quoted(String hash) {
        return '"' + hash + '"';
    }

    /**
     * Whether an {@code If-None-Match} header names the tag: {@code *}, or the tag in a comma-separated list,
     * compared weakly ({@code W/"x"} matches {@code "x"}), as RFC 9110 asks for this header.
     */
    static boolean anyMatches(String ifNoneMatch, String etag) {
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
