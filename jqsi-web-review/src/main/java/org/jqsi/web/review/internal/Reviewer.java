package org.jqsi.web.review.internal;

import org.jqsi.core.account.Account;

/**
 * Who is logged in on a request: the account, enabled, and the session's token from the cookie.
 *
 * @param account the account
 * @param token the session's token, the key of its CSRF token
 */
record Reviewer(Account account, String token) {

    /** The CSRF token of this session's forms. */
    String csrf() {
        return CsrfTokens.of(token, CsrfTokens.REVIEW);
    }

    /** Whether a form's token is this session's. */
    boolean sent(String csrf) {
        return CsrfTokens.matches(token, CsrfTokens.REVIEW, csrf);
    }
}
