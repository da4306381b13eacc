package org.jqsi.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Headers on every response. Pages may load scripts and styles only from the widget itself (no inline script: the
 * frame script is a static file), and, when they carry JSON-LD, that exact JSON-LD by its hash; only the sites of
 * the settings may frame them.
 */
final class SecurityHeaders {

    private final String frameAncestors;
    private final String imageSources;
    /** The policy of every response without JSON-LD, made once rather than for every request. */
    private final String withoutScript;

    /** @param frameAncestors the CSP {@code frame-ancestors} sources */
    SecurityHeaders(List<String> frameAncestors) {
        this(frameAncestors, List.of());
    }

    /**
     * @param frameAncestors the CSP {@code frame-ancestors} sources
     * @param imageOrigins the origins activities' pictures may load from, besides the widget itself
     */
    SecurityHeaders(List<String> frameAncestors, List<String> imageOrigins) {
        this.frameAncestors = String.join(" ", frameAncestors);
        this.imageSources = imageOrigins.isEmpty() ? "" : " " + String.join(" ", imageOrigins);
        this.withoutScript = policy("'self'");
    }

    /** Sets the headers, allowing no inline script. */
    void applyTo(HttpServletResponse response) {
        applyTo(response, null);
    }

    /** Sets the headers, allowing the page's JSON-LD (or none when {@code null}) as its only inline script. */
    void applyTo(HttpServletResponse response, JsonLd jsonLd) {
        String policy = withoutScript;
        if (jsonLd != null) {
            policy = policy("'self' 'sha256-" + Base64.getEncoder().encodeToString(HexFormat.of()
                    .parseHex(Assets.sha256(jsonLd.text().getBytes(StandardCharsets.UTF_8)))) + "'");
        }
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    private String policy(String scriptSources) {
        return "default-src 'none'; script-src " + scriptSources
                + "; style-src 'self'; img-src 'self' data:" + imageSources + "; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                + "frame-ancestors " + frameAncestors;
    }
}
