package org.jqsi.web.submit;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.jqsi.core.program.Program;
import org.jqsi.core.submission.SubmissionIds;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.web.submit.internal.SubmitRoutes;

/**
 * The submission API as a servlet. Mount it at a path of its own ({@code /submit/*}); every route is relative to
 * that mount:
 *
 * <ul>
 *   <li>{@code POST /} with {@code Content-Type: application/json}: proposes an activity, a change or a cancellation
 *       ({@code jqsi-web-submit/README.md} gives the body's shape); answers {@code 201 Created} with the private
 *       status page's address in {@code Location}, or {@code 400}, {@code 413}, {@code 415}, {@code 422},
 *       {@code 429} with the problems as JSON, in the language of {@code Accept-Language} (French by default);</li>
 *   <li>{@code GET /}: the submission form, in French or English, for people in a browser (no script needed);</li>
 *   <li>{@code POST /} with {@code Content-Type: application/x-www-form-urlencoded}: the form, with its token
 *       against cross-site requests ({@code 403} without a valid one) and its honeypot; written as the API's JSON,
 *       it is taken in as the API takes JSON: {@code 303} to the new status page, or {@code 422} with the form and
 *       its problems beside their fields;</li>
 *   <li>{@code GET /api}: a page that says how to submit as JSON;</li>
 *   <li>{@code GET /status/{key}}: a submission's status page, reached only through the private key given when it
 *       was made (HTML, or JSON to {@code Accept: application/json}); {@code 404} for any other key. While the
 *       submission is open, the page has the form to edit it and one to withdraw it, posted to the same address
 *       ({@code POST /status/{key}}, with their token).</li>
 * </ul>
 *
 * <p>The activity is read with the program file's rules inside the program served (its editions and partners),
 * which is read from the supplier on each submission, so a reload shows up on the next one. The servlet holds no
 * request state and serves any number of threads; it keeps a token bucket per client address for the rate limit
 * ({@link SubmitSettings}), and signs the form's tokens with {@link SubmitSettings#formSecret()} (random per servlet
 * when not given).
 *
 * <pre>{@code
 * context.addServlet(new ServletHolder(new SubmissionServlet(store, currentProgram, new ProgramValidator(),
 *         SubmitSettings.defaults(), Clock.systemUTC())), "/submit/*");
 * }</pre>
 */
public final class SubmissionServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient SubmitRoutes routes;

    /**
     * @param store where submissions are kept ({@code jqsi-jdbc}'s {@code JdbcSubmissionStore})
     * @param program the program served now ({@link org.jqsi.core.program.CurrentProgram}), whose editions and
     *     partners a submitted activity must refer to and whose activity ids a new one must not take
     * @param validator checks a submitted activity in that program, as a program file is checked
     * @param settings the body limit, the rate limit, the public address
     * @param clock when submissions are made (their history) and the pace of the rate limit
     */
    public SubmissionServlet(SubmissionStore store, Supplier<Program> program, ProgramValidator validator,
            SubmitSettings settings, Clock clock) {
        this(store, program, validator, settings, clock, new SubmissionIds());
    }

    /** With the given maker of ids for activities sent without one (seeded, in tests). */
    public SubmissionServlet(SubmissionStore store, Supplier<Program> program, ProgramValidator validator,
            SubmitSettings settings, Clock clock, SubmissionIds ids) {
        this.routes = new SubmitRoutes(Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(program, "program"), Objects.requireNonNull(validator, "validator"),
                Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(ids, "ids"), this::log);
    }

    /** Every method is answered by the routes: a method a path does not take is a JSON {@code 405}. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        routes.service(request, response);
    }
}
