package org.jqsi.web.review;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.jqsi.core.model.Language;

/**
 * How the reviewers' pages are served.
 *
 * @param defaultLanguage the language of people who ask for neither French nor English ({@code Accept-Language},
 *     {@code ?lang=})
 * @param trustedProxies the addresses of the reverse proxies in front of the server: from those only,
 *     {@code X-Forwarded-For} names the client (whose failed log-ins are counted, and who is named in the log) and
 *     {@code X-Forwarded-Proto: https} makes the cookies {@code Secure}; empty (the default) to believe neither header,
 *     which anyone can write
 */
public record ReviewSettings(Language defaultLanguage, List<InetAddress> trustedProxies) {

    public ReviewSettings {
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** French, no proxy trusted. */
    public static ReviewSettings defaults() {
        return new ReviewSettings(Language.FR, List.of());
    }

    /** The same settings in another default language. */
    public ReviewSettings withDefaultLanguage(Language language) {
        return new ReviewSettings(language, trustedProxies);
    }

    /** The same settings with these proxies trusted. */
    public ReviewSettings withTrustedProxies(List<InetAddress> proxies) {
        return new ReviewSettings(defaultLanguage, proxies);
    }
}
