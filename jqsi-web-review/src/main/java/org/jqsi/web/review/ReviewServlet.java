package org.jqsi.web.review;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.jqsi.core.account.AccountStore;
import org.jqsi.core.account.PasswordHash;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.web.review.internal.ReviewRoutes;

/**
 * The reviewers' pages as a servlet. Mount it at a path of its own ({@code /review/*}); every route is relative to
 * that mount, and every page is in French or English ({@code ?lang=}, else {@code Accept-Language}):
 *
 * <ul>
 *   <li>{@code GET /login}, {@code POST /login}: the log-in page, and logging in with an e-mail address and a
 *       password. Failed log-ins are throttled per address typed and per client address (the store's
 *       {@link org.jqsi.core.account.LoginThrottle}): once over, {@code 429} says until when, whether the account
 *       exists or not. A log-in starts a session kept in the store (so every server on one database honours it),
 *       whose token goes in a cookie that is {@code HttpOnly}, {@code SameSite=Strict}, and {@code Secure} with a
 *       {@code __Host-} name when the request came over https;</li>
 *   <li>{@code POST /logout}: ends the session;</li>
 *   <li>{@code GET /}: the submissions the account may review (a coordinator's regions, every one for an
 *       administrator), by state, newest first;</li>
 *   <li>{@code GET /{id}}: a submission: its activity as the widget will show it in both languages, the validator's
 *       warnings, for a change what differs from the published activity, its history, and the actions;</li>
 *   <li>{@code POST /{id}}: approve (publishing it as {@code jqsi submissions approve} does), request changes or
 *       refuse (both with a note).</li>
 * </ul>
 *
 * <p>Without a valid session every page but the log-in page answers {@code 401} with the log-in page. Every
 * {@code POST} carries a CSRF token bound to the session (to a cookie of its own for the log-in form): without it, or
 * with a wrong one, {@code 403} and nothing is done. Who may review a submission is checked on every request
 * ({@link org.jqsi.core.account.Account#mayReview}): any other is answered {@code 403}, and logged with the account,
 * the submission and the client's address (logger {@code org.jqsi.web.review}, {@link System.Logger}). Every answer
 * has a strict Content-Security-Policy (no script), {@code nosniff}, no framing, and {@code Cache-Control: no-store}.
 * Thread-safe; holds no request state.
 */
public final class ReviewServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient ReviewRoutes routes;

    /**
     * @param accounts who may log in, their sessions and log-in attempts ({@code jqsi-jdbc}'s)
     * @param passwords checks passwords against the stored hashes ({@code jqsi-password}'s Argon2id)
     * @param submissions the submissions reviewed ({@code jqsi-jdbc}'s)
     * @param served the program served now, whose partners the previews name
     * @param base the program file (with its sources) without what submissions published: an approval is checked
     *     against it as {@code jqsi submissions approve --program} checks one, and so are the warnings shown
     * @param validator the program's rules
     * @param settings the default language, the trusted proxies
     * @param clock the time of log-ins, sessions and actions
     */
    public ReviewServlet(AccountStore accounts, PasswordHash passwords, SubmissionStore submissions,
            Supplier<Program> served, ProgramSource base, ProgramValidator validator, ReviewSettings settings,
            Clock clock) {
        this.routes = new ReviewRoutes(Objects.requireNonNull(accounts, "accounts"),
                Objects.requireNonNull(passwords, "passwords"), Objects.requireNonNull(submissions, "submissions"),
                Objects.requireNonNull(served, "served"), Objects.requireNonNull(base, "base"),
                Objects.requireNonNull(validator, "validator"), Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(clock, "clock"));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        routes.service(request, response);
    }
}
