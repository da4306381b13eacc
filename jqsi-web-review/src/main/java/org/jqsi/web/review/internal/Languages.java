package org.jqsi.web.review.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.jqsi.core.model.Language;

/**
 * The language of a page: {@code ?lang=fr} or {@code ?lang=en} when given, else the first of French and English in
 * {@code Accept-Language} (by its weights), else the default. Never fails: a refusal needs a language too.
 */
final class Languages {

    private final Language defaultLanguage;

    Languages(Language defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    Language of(HttpServletRequest request) {
        // From the query string only: getParameter would read a form's body, before its CSRF token is checked.
        return fromQuery(request.getQueryString())
                .or(() -> fromAcceptLanguage(request.getHeader("Accept-Language")))
                .orElse(defaultLanguage);
    }

    private static Optional<Language> fromQuery(String query) {
        if (query == null || query.length() > 2048) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.equals("lang=fr")) {
                return Optional.of(Language.FR);
            }
            if (pair.equals("lang=en")) {
                return Optional.of(Language.EN);
            }
        }
        return Optional.empty();
    }

    private static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 1024) {
            return Optional.empty();
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() > 0) {
                    Optional<Language> language = Language.ofCode(range.getRange());
                    if (language.isPresent()) {
                        return language;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // A malformed header is the client's: answer in the default language.
        }
        return Optional.empty();
    }
}
