package org.jqsi.web.review.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jqsi.web.http.ClientAddress;

/**
 * The pages' two cookies: the session's token, and the log-in form's secret (its CSRF key). Both are
 * {@code HttpOnly} (no script reads them) and {@code SameSite=Strict} (no other site's page sends them), and last as
 * long as the browser (the session's end is the store's to say). Over https they are {@code Secure} and named with
 * the {@code __Host-} prefix, which browsers accept only from a secure origin, without {@code Domain}, and with
 * {@code Path=/}: so no other host of the domain, and no plain-http page, can set them in the reviewer's browser.
 * Over plain http (a test or a server on one's own machine) they are named without it and kept to the pages' own
 * path ({@code /review/}).
 */
final class Cookies {

    static final String SESSION = "jqsi-review";
    static final String LOG_IN = "jqsi-review-login";
    private static final String HOST = "__Host-";

    private final ClientAddress clients;

    Cookies(ClientAddress clients) {
        this.clients = clients;
    }

    /**
     * A cookie's value: over https only the prefixed one, which only a secure page of this host can have set; else
     * the plain one. {@code null} when there is none.
     */
    String read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        String wanted = clients.secure(request) ? HOST + name : name;
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(wanted) && cookie.getValue() != null && !cookie.getValue().isEmpty()
                    && cookie.getValue().length() <= 128) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** Sets a cookie for the browser's session; values are URL-safe Base64, fit for a cookie as they are. */
    void set(HttpServletRequest request, HttpServletResponse response, String name, String value) {
        response.addHeader("Set-Cookie", header(request, name, value));
    }

    /** Removes a cookie. */
    void clear(HttpServletRequest request, HttpServletResponse response, String name) {
        response.addHeader("Set-Cookie", header(request, name, "") + "; Max-Age=0");
    }

    private String header(HttpServletRequest request, String name, String value) {
        boolean secure = clients.secure(request);
        String path = secure ? "/" : mountPath(request);
        return (secure ? HOST : "") + name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /** Where the pages are mounted, ending in {@code /}: {@code /review/}. */
    static String mountPath(HttpServletRequest request) {
        return request.getContextPath() + request.getServletPath() + "/";
    }
}
