package org.jqsi.web.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jqsi.core.model.Language;

/**
 * The language to answer a request in: the first {@code lang} in the query string that names French or English
 * (read by {@link Language#ofCode}, so {@code ?lang=fr}, {@code ?lang=en-CA} and {@code ?lang=FR} all count), else the
 * first of them in {@code Accept-Language} by its weights (RFC 9110 §12.5.4; a range of weight 0 is refused, not
 * asked for), else the default. Never fails: a refusal needs a language too. Thread-safe and immutable.
 */
public final class RequestLanguage {

    /** A longer query string is not one of ours: its {@code lang} is not looked for. */
    static final int MAX_QUERY_LENGTH = 2048;

    /** A longer {@code Accept-Language} is not a browser's: it is not read. */
    static final int MAX_HEADER_LENGTH = 1024;

    private final Language defaultLanguage;

    /** @param defaultLanguage the language of requests that ask for neither French nor English */
    public RequestLanguage(Language defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    /**
     * The language to answer {@code request} in. Reads only its query string and its {@code Accept-Language}
     * header, never {@link HttpServletRequest#getParameter}: that would read a form's body, before its CSRF token
     * is checked and before the handler that owns it.
     */
    public Language of(HttpServletRequest request) {
        return fromQuery(request.getQueryString())
                .or(() -> fromAcceptLanguage(request.getHeader("Accept-Language")))
                .orElse(defaultLanguage);
    }

    /** The first {@code lang} of a raw (still percent-encoded) query string that names French or English. */
    static Optional<Language> fromQuery(String query) {
        if (query == null || query.length() > MAX_QUERY_LENGTH) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("lang=")) {
                Optional<Language> language;
                try {
                    language = Language.ofCode(URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // A malformed %-escape is the client's: this lang names nothing.
                    language = Optional.empty();
                }
                if (language.isPresent()) {
                    return language;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The first of French and English that an {@code Accept-Language} header asks for, by its weights.
     *
     * @param header the header's value, or {@code null} when the request has none
     * @return that language; empty when the header is absent, blank, longer than 1024 characters, malformed, or
     *     asks for neither
     */
    public static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > MAX_HEADER_LENGTH) {
            return Optional.empty();
        }
        try {
            // parse() sorts by weight, best first.
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() > 0) {
                    Optional<Language> language = Language.ofCode(range.getRange());
                    if (language.isPresent()) {
                        return language;
                    }
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // A malformed header is the client's: answer in the default language. The JDK's parser throws
            // ArrayIndexOutOfBoundsException, not IllegalArgumentException, for a range that is only "-" (found by
            // WidgetRequestFuzzTest: "Accept-Language: -" was a 500).
        }
        return Optional.empty();
    }
}
