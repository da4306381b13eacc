package org.jqsi.web.submit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.Program;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.core.submission.SubmissionConflictException;
import org.jqsi.core.submission.SubmissionEvent;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.json.ProgramWriter;
import org.jqsi.web.http.ClientAddress;

/**
 * The submission form and what its submitter does on the status page, for people in a browser: every answer is a
 * page in the request's language, and a form sent back with problems keeps everything typed.
 *
 * <ul>
 *   <li>{@code GET /}: the form, empty;</li>
 *   <li>{@code POST /} as a form: after the rate limit, the body's size, the token ({@link FormTokens}: {@code 403}
 *       without a valid one) and the honeypot, the form is written as the API's JSON ({@link FormSubmission}) and
 *       goes through the same {@link SubmissionIntake}: {@code 303} to the new status page, or {@code 422} with the
 *       form and its problems;</li>
 *   <li>{@code GET /status/{key}}: the status page, with the forms to edit and to withdraw while it is open;</li>
 *   <li>{@code POST /status/{key}}: {@code action=edit} or {@code action=withdraw}, each with its token;
 *       {@code 303} back to the status page when done.</li>
 * </ul>
 *
 * A honeypot filled is answered as if the form were taken ({@code 303} to a neutral page), and logged; nothing is
 * kept. Thread-safe.
 */
final class FormRoutes {

    private static final String HTML = "text/html;charset=UTF-8";
    private static final String COOKIE = "jqsi-form";
    /** Behind https: a cookie only this host can set, over https, for the path {@code /} (RFC 6265bis). */
    private static final String SECURE_COOKIE = "__Host-jqsi-form";

    private final SubmissionStore store;
    private final Supplier<Program> served;
    private final SubmissionIntake intake;
    private final RequestBody body;
    private final RateLimit rate;
    private final ClientAddress clients;
    private final FormTokens tokens;
    private final Templates templates;
    private final Clock clock;
    private final BiConsumer<String, Throwable> log;

    FormRoutes(SubmissionStore store, Supplier<Program> served, SubmissionIntake intake, RequestBody body,
            RateLimit rate, ClientAddress clients, FormTokens tokens, Templates templates, Clock clock,
            BiConsumer<String, Throwable> log) {
        this.clock = clock;
        this.store = store;
        this.served = served;
        this.intake = intake;
        this.body = body;
        this.rate = rate;
        this.clients = clients;
        this.tokens = tokens;
        this.templates = templates;
        this.log = log;
    }

    /** Where a request was sent: the API's base address, whether it is https, and its language. */
    record Place(String base, boolean secure, Language language) {

        SubmitMessages t() {
            return SubmitMessages.in(language);
        }

        /** {@code ?lang=} of the page's language: answers keep the language the form was shown in. */
        String lang() {
            return "?lang=" + language.code();
        }

        String statusUrl(String key) {
            return base + "status/" + key;
        }
    }

    /** {@code GET /}: the form, empty. */
    void form(HttpServletRequest request, HttpServletResponse response, Place place) throws IOException {
        String cookie = cookie(request, response, place);
        FormFields fields = FormFields.standard();
        Program program = served.get();
        FormValues values = FormPage.defaults(program, place.t());
        sendForm(request, response, place, 200, fields, values, List.of(), null, tokens.issue(cookie));
    }

    /** {@code POST /} as a form. */
    void submit(HttpServletRequest request, HttpServletResponse response, Place place) throws IOException {
        Optional<FormValues> read = read(request, response, place);
        if (read.isEmpty()) {
            return;
        }
        FormValues values = read.get();
        String cookie = cookie(request, response, place);
        FormFields fields = FormFields.rows(values.lastRow("partners") + 1, values.lastRow("people") + 1);
        FormTokens.Check check = tokens.check(values.get(FormValues.TOKEN), cookieSent(request, place));
        if (check == FormTokens.Check.INVALID) {
            forbidden(request, response, place, place.base() + place.lang());
            return;
        }
        if (check == FormTokens.Check.EXPIRED) {
            // A form left open too long: shown again as typed, with a fresh token, to be sent again.
            sendForm(request, response, place, 403, fields, values, List.of(expired()), null, tokens.issue(cookie));
            return;
        }
        if (values.has(FormValues.HONEYPOT)) {
            honeypot(request, response, place);
            return;
        }
        FormSubmission.Written written = FormSubmission.write(fields, values);
        try {
            SubmissionStore.Created created = intake.submit(written.json());
            seeOther(response, place.statusUrl(created.statusKey()) + place.lang());
        } catch (Refusal refused) {
            sendForm(request, response, place, refused.status(), fields, values, refused.problems(), written,
                    tokens.issue(cookie));
        } catch (RuntimeException e) {
            log.accept("jqsi: a submission from the form could not be kept", e);
            sendForm(request, response, place, 503, fields, values, List.of(unavailable()), null,
                    tokens.issue(cookie));
        }
    }

    /** {@code GET /status/{key}} as a page. */
    void status(HttpServletRequest request, HttpServletResponse response, Place place, String key,
            Submission submission) throws IOException {
        String cookie = cookie(request, response, place);
        sendStatus(request, response, place, 200, key, submission, null, null, null, null, null, cookie);
    }

    /** {@code POST /status/{key}}: an edit or a withdrawal; the key is well-formed. */
    void act(HttpServletRequest request, HttpServletResponse response, Place place, String key,
            Runnable notFound) throws IOException {
        Optional<FormValues> read = read(request, response, place);
        if (read.isEmpty()) {
            return;
        }
        FormValues values = read.get();
        String cookie = cookie(request, response, place);
        FormTokens.Check check = tokens.check(values.get(FormValues.TOKEN), cookieSent(request, place));
        if (check == FormTokens.Check.INVALID) {
            forbidden(request, response, place, place.statusUrl(key) + place.lang());
            return;
        }
        if (check == FormTokens.Check.VALID && values.has(FormValues.HONEYPOT)) {
            honeypot(request, response, place);
            return;
        }
        Optional<Submission> found;
        try {
            found = store.findByStatusKey(key);
        } catch (RuntimeException e) {
            log.accept("jqsi: a status page could not be read", e);
            message(request, response, place, 503, "form.unavailable.heading", "request.unavailable", null);
            return;
        }
        if (found.isEmpty()) {
            notFound.run();
            return;
        }
        Submission submission = found.get();
        String action = values.get(FormValues.ACTION);
        int version = version(values.get(FormValues.VERSION));
        boolean edit = action.equals("edit");
        if (!edit && !action.equals("withdraw")) {
            message(request, response, place, 400, "form.bad.heading", "form.bad.action",
                    place.statusUrl(key) + place.lang());
            return;
        }
        FormFields fields = FormFields.rows(values.lastRow("partners") + 1, values.lastRow("people") + 1);
        if (check == FormTokens.Check.EXPIRED) {
            String notice = place.t().t("form.csrf.expired");
            sendStatus(request, response, place, 403, key, submission, notice, edit ? values : null, null, null,
                    null, cookie);
            return;
        }
        if (!submission.state().isOpen() || (edit && submission.kind() == Submission.Kind.CANCEL)) {
            sendStatus(request, response, place, 409, key, submission, place.t().t("form.closed"), null, null,
                    null, null, cookie);
            return;
        }
        try {
            if (edit) {
                FormSubmission.Written written = FormSubmission.write(fields, values, submission.submitter(),
                        activityTree(submission));
                try {
                    intake.edit(written.json(), submission, version);
                } catch (Refusal refused) {
                    sendStatus(request, response, place, refused.status(), key, submission, null, values,
                            refused.problems(), written, null, cookie);
                    return;
                }
            } else {
                if (!values.has(FormValues.CONFIRM)) {
                    sendStatus(request, response, place, 422, key, submission, null, null, null, null,
                            place.t().t("status.withdraw.unconfirmed"), cookie);
                    return;
                }
                store.act(submission.id(), version, SubmissionAction.WITHDRAW, SubmissionEvent.SUBMITTER, null,
                        null, clock());
            }
        } catch (SubmissionConflictException e) {
            // Someone acted since the page was read (a reviewer, or the submitter in another tab). The core's words
            // name the reviewer: the submitter is told in the form's own, and sees the page as it now is, with
            // what they typed kept.
            Submission now = e.current() == null ? submission : e.current();
            String notice = place.t().t(now.state().isOpen() ? "form.conflict" : "form.closed");
            sendStatus(request, response, place, 409, key, now, notice, edit && now.state().isOpen() ? values : null,
                    null, null, null, cookie);
            return;
        } catch (RuntimeException e) {
            log.accept("jqsi: a submitter's action could not be kept", e);
            sendStatus(request, response, place, 503, key, submission, place.t().t("request.unavailable"),
                    edit ? values : null, null, null, null, cookie);
            return;
        }
        seeOther(response, place.statusUrl(key) + place.lang());
    }

    /** {@code GET /received}: where a honeypot's post is sent, saying only that something was received. */
    void received(HttpServletRequest request, HttpServletResponse response, Place place) throws IOException {
        message(request, response, place, 200, "form.received.heading", "form.received.text",
                place.base() + place.lang());
    }

    private Instant clock() {
        return clock.instant();
    }

    /** The form's values, or empty after answering a refusal of its rate, type, size or encoding. */
    private Optional<FormValues> read(HttpServletRequest request, HttpServletResponse response, Place place)
            throws IOException {
        try {
            Duration wait = rate.take(clients.network(request));
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                response.setHeader("Retry-After", Long.toString(seconds));
                throw new Refusal(429, ApiProblem.at("", "request.rate", SubmitMessages.text("request.rate",
                        seconds)));
            }
            return Optional.of(FormValues.parse(body.readForm(request)));
        } catch (Refusal refused) {
            refused.headers().forEach(response::setHeader);
            ApiProblem problem = refused.problems().get(0);
            send(request, response, refused.status(), templates.message(new MessageView(frame(place,
                    "error." + refused.status()), place.t().t("error." + refused.status()),
                    problem.message().in(place.language()), place.base() + place.lang(), place.t().t("form.back"))));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            message(request, response, place, 400, "form.bad.heading", "form.bad.encoding", place.base() + place.lang());
            return Optional.empty();
        }
    }

    private void honeypot(HttpServletRequest request, HttpServletResponse response, Place place) {
        // Only a robot fills a field no person sees: it is told its post was taken, so that it does not try
        // another way; the operator reads it in the log. Nothing is kept.
        log.accept("jqsi: a form post filled the hidden honeypot field and was not kept (client "
                + clients.network(request) + ")", null);
        seeOther(response, place.base() + "received" + place.lang());
    }

    private void forbidden(HttpServletRequest request, HttpServletResponse response, Place place, String back)
            throws IOException {
        message(request, response, place, 403, "form.csrf.heading", "form.csrf.invalid", back);
    }

    private void message(HttpServletRequest request, HttpServletResponse response, Place place, int status,
            String heading, String text, String href) throws IOException {
        SubmitMessages t = place.t();
        send(request, response, status, templates.message(new MessageView(frame(place, heading), t.t(heading),
                t.t(text), href, href == null ? null : t.t("form.back"))));
    }

    private void sendForm(HttpServletRequest request, HttpServletResponse response, Place place, int status,
            FormFields fields, FormValues values, List<ApiProblem> problems, FormSubmission.Written written,
            String token) throws IOException {
        SubmitMessages t = place.t();
        Program program = served.get();
        FormView form = FormPage.view(fields, values, problems, written, program, t, place.base() + place.lang(),
                token, 0, false);
        PageFrame frame = new PageFrame(t, problems.isEmpty() ? t.t("form.title")
                : t.t("form.title.problems", problems.size(), t.t("form.title")), "?lang=" + other(place));
        send(request, response, status, templates.form(new FormPageView(frame, form, place.base() + "api"
                + place.lang())));
    }

    private void sendStatus(HttpServletRequest request, HttpServletResponse response, Place place, int status,
            String key, Submission submission, String notice, FormValues typed, List<ApiProblem> problems,
            FormSubmission.Written written, String withdrawError, String cookie) throws IOException {
        SubmitMessages t = place.t();
        String link = place.statusUrl(key);
        FormView edit = null;
        StatusView.Withdraw withdraw = null;
        if (submission.state().isOpen()) {
            String token = tokens.issue(cookie);
            String action = link + place.lang();
            if (submission.kind() != Submission.Kind.CANCEL) {
                FormValues values = typed;
                FormFields fields;
                if (values == null) {
                    ObjectNode kept = activityTree(submission);
                    int partners = kept.has("partners") ? kept.get("partners").size() + 1 : 0;
                    int people = kept.has("people") ? kept.get("people").size() + 1 : 0;
                    fields = FormFields.rows(partners, people);
                    values = FormFilling.of(fields, kept);
                } else {
                    fields = FormFields.rows(values.lastRow("partners") + 1, values.lastRow("people") + 1);
                }
                edit = FormPage.view(fields, values, problems == null ? List.of() : problems, written, served.get(),
                        t, action, token, submission.version(), true);
            }
            withdraw = new StatusView.Withdraw(action, token, submission.version(), withdrawError);
        }
        boolean problem = (problems != null && !problems.isEmpty()) || withdrawError != null;
        String title = t.t("status.title.page", submission.id());
        PageFrame frame = new PageFrame(t, problem ? t.t("form.title.problems",
                problems == null ? 1 : Math.max(1, problems.size()), title) : title, "?lang=" + other(place));
        response.setHeader("Content-Language", place.language().code());
        send(request, response, status, templates.status(StatusView.of(frame, submission, link, notice, edit,
                withdraw)));
    }

    /** The activity of a submission as the program file writes it. */
    private static ObjectNode activityTree(Submission submission) {
        String file = ProgramWriter.forWeb().toJson(new ProgramData(List.of(), List.of(),
                List.of(submission.activity())));
        return (ObjectNode) FormSubmission.tree(file).get("activities").get(0);
    }

    /**
     * The browser's form cookie, set now if it sent none (or one this server did not make): the value the tokens of
     * its forms are bound to.
     */
    private static String cookie(HttpServletRequest request, HttpServletResponse response, Place place) {
        String sent = cookieSent(request, place);
        if (FormTokens.wellFormed(sent)) {
            return sent;
        }
        String value = FormTokens.newCookieValue();
        // HttpOnly: no script reads it; SameSite=Strict: no other site's request carries it; Path=/ and, behind
        // https, Secure and the __Host- prefix: no other host (a sub-domain) can set one in its place.
        response.addHeader("Set-Cookie", (place.secure() ? SECURE_COOKIE : COOKIE) + "=" + value
                + "; Path=/; HttpOnly; SameSite=Strict" + (place.secure() ? "; Secure" : ""));
        return value;
    }

    private static String cookieSent(HttpServletRequest request, Place place) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        String name = place.secure() ? SECURE_COOKIE : COOKIE;
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static int version(String text) {
        return text.matches("\\d{1,9}") ? Integer.parseInt(text) : -1;
    }

    private static ApiProblem expired() {
        return ApiProblem.at("", "form.csrf.expired", SubmitMessages.text("form.csrf.expired"));
    }

    private static ApiProblem unavailable() {
        return ApiProblem.at("", "request.unavailable", SubmitMessages.text("request.unavailable"));
    }

    private static String other(Place place) {
        return place.language() == Language.FR ? "en" : "fr";
    }

    private static PageFrame frame(Place place, String titleKey) {
        return new PageFrame(place.t(), place.t().t(titleKey), "?lang=" + other(place));
    }

    private static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(303);
        response.setHeader("Location", location);
        response.setContentLength(0);
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, int status, String text)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(HTML);
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }
}
