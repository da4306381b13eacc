package org.jqsi.web.review.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jqsi.core.account.Account;
import org.jqsi.core.account.AccountStore;
import org.jqsi.core.account.PasswordHash;
import org.jqsi.core.account.Role;
import org.jqsi.core.account.SessionTokens;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.submission.ApprovalRefusedException;
import org.jqsi.core.submission.Publishing;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.core.submission.SubmissionConflictException;
import org.jqsi.core.submission.SubmissionFilter;
import org.jqsi.core.submission.SubmissionState;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.web.http.ClientAddress;
import org.jqsi.web.http.RequestLanguage;
import org.jqsi.web.review.ReviewSettings;

/**
 * Answers the reviewers' requests, relative to where the pages are mounted: {@code /login} (GET, POST),
 * {@code /logout} (POST), {@code /} (the list), {@code /{id}} (a submission, GET and POST); anything else
 * {@code 404}, or {@code 405} for a method a path does not take. Every page but the log-in page needs a session
 * ({@code 401} with the log-in page otherwise); every POST a CSRF token ({@code 403} otherwise, nothing done); every
 * submission the account's right to review it ({@code 403}, logged, otherwise). Thread-safe.
 */
public final class ReviewRoutes {

    private static final System.Logger LOG = System.getLogger("org.jqsi.web.review");
    /** A submission's id as the stores make them ({@code s-} and base 32), or anything else of that alphabet. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int MAX_NOTE = 4000;
    private static final String HTML = "text/html;charset=UTF-8";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(Region.EASTERN);

    private final AccountStore accounts;
    private final SubmissionStore submissions;
    private final ProgramSource base;
    private final ProgramValidator validator;
    private final Clock clock;
    private final RequestLanguage languages;
    private final ClientAddress clients;
    private final Cookies cookies;
    private final LogIn logIn;
    private final SubmissionPage pages;
    private final SessionTokens tokens = new SessionTokens();
    private final Templates templates = new Templates();

    public ReviewRoutes(AccountStore accounts, PasswordHash passwords, SubmissionStore submissions,
            Supplier<Program> served, ProgramSource base, ProgramValidator validator, ReviewSettings settings,
            Clock clock) {
        this.accounts = accounts;
        this.submissions = submissions;
        this.base = base;
        this.validator = validator;
        this.clock = clock;
        this.languages = new RequestLanguage(settings.defaultLanguage());
        this.clients = new ClientAddress(settings.trustedProxies());
        this.cookies = new Cookies(clients);
        this.logIn = new LogIn(accounts, passwords, clock);
        this.pages = new SubmissionPage(submissions, served, base, validator);
    }

    /** Any request. */
    public void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.applyTo(response);
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String method = request.getMethod();
        Language language = languages.of(request);
        try {
            if (path.equals("/login")) {
                switch (method) {
                    case "GET", "HEAD" -> logInPage(request, response, language, 200, null, "", null);
                    case "POST" -> logIn(request, response, language);
                    default -> notAllowed(request, response, language, "GET, HEAD, POST");
                }
            } else if (path.equals("/logout")) {
                if (method.equals("POST")) {
                    logOut(request, response, language);
                } else {
                    notAllowed(request, response, language, "POST");
                }
            } else if (path.equals("/")) {
                if (method.equals("GET") || method.equals("HEAD")) {
                    Optional<Reviewer> reviewer = reviewer(request);
                    if (reviewer.isEmpty()) {
                        logInPage(request, response, language, 401, null, "", null);
                    } else {
                        list(request, response, language, reviewer.get());
                    }
                } else {
                    notAllowed(request, response, language, "GET, HEAD");
                }
            } else if (ID.matcher(path.substring(1)).matches()) {
                submission(request, response, language, path.substring(1));
            } else {
                problem(request, response, language, 404, "problem.not-found", "problem.not-found.text");
            }
        } catch (RuntimeException e) {
            // The database cannot be reached, or a bug: the reviewer may try again; the operator reads why in the
            // log. Nothing of the exception goes to the page.
            LOG.log(System.Logger.Level.ERROR, "jqsi review: a request could not be answered", e);
            if (!response.isCommitted()) {
                response.resetBuffer();
                problem(request, response, language, 503, "problem.unavailable", "problem.unavailable.text");
            }
        }
    }

    // Log-in and log-out.

    private void logInPage(HttpServletRequest request, HttpServletResponse response, Language language, int status,
            String next, String email, String problem) throws IOException {
        ReviewMessages t = ReviewMessages.in(language);
        String secret = tokens.newToken();
        cookies.set(request, response, Cookies.LOG_IN, secret);
        PageFrame frame = PageFrame.anonymous(t, t.t("login.title"), otherLanguage(request, language));
        String action = Cookies.mountPath(request) + "login?lang=" + language.code();
        send(request, response, status, templates.login(new LoginView(frame, action,
                CsrfTokens.of(secret, CsrfTokens.LOG_IN), email, next, problem)));
    }

    private void logIn(HttpServletRequest request, HttpServletResponse response, Language language)
            throws IOException {
        if (!CsrfTokens.matches(cookies.read(request, Cookies.LOG_IN), CsrfTokens.LOG_IN,
                request.getParameter("csrf"))) {
            problem(request, response, language, 403, "problem.csrf", "problem.csrf.login");
            return;
        }
        ReviewMessages t = ReviewMessages.in(language);
        String email = Optional.ofNullable(request.getParameter("email")).orElse("").strip();
        String password = Optional.ofNullable(request.getParameter("password")).orElse("");
        String next = request.getParameter("next");
        next = next != null && ID.matcher(next).matches() ? next : null;
        email = email.length() > Account.MAX_EMAIL_LENGTH ? email.substring(0, Account.MAX_EMAIL_LENGTH) : email;
        LogIn.Outcome outcome = logIn.attempt(email, password.toCharArray(), clients.of(request));
        if (outcome instanceof LogIn.Blocked blocked) {
            long seconds = Math.max(1, Duration.between(clock.instant(), blocked.until()).toSeconds() + 1);
            response.setHeader("Retry-After", Long.toString(seconds));
            logInPage(request, response, language, 429, next, email, t.t("login.throttled",
                    HOUR.format(blocked.until()), (seconds + 59) / 60));
        } else if (outcome instanceof LogIn.LoggedIn in) {
            cookies.clear(request, response, Cookies.LOG_IN);
            cookies.set(request, response, Cookies.SESSION, in.token());
            redirect(request, response, (next == null ? "" : next) + "?lang=" + language.code());
        } else {
            logInPage(request, response, language, 401, next, email, t.t("login.failed"));
        }
    }

    private void logOut(HttpServletRequest request, HttpServletResponse response, Language language)
            throws IOException {
        String token = cookies.read(request, Cookies.SESSION);
        Optional<Reviewer> reviewer = reviewer(request);
        if (reviewer.isPresent() && !reviewer.get().sent(request.getParameter("csrf"))) {
            problem(request, response, language, 403, "problem.csrf", "problem.csrf.text");
            return;
        }
        if (token != null && reviewer.isPresent()) {
            accounts.deleteSession(token);
        }
        cookies.clear(request, response, Cookies.SESSION);
        redirect(request, response, "login?lang=" + language.code());
    }

    /** The reviewer of a request's session, if it is still good; using it puts off its idle end. */
    private Optional<Reviewer> reviewer(HttpServletRequest request) {
        String token = cookies.read(request, Cookies.SESSION);
        if (token == null) {
            return Optional.empty();
        }
        return accounts.touchSession(token, clock.instant())
                .flatMap(session -> accounts.find(session.email()))
                .filter(account -> !account.disabled())
                .map(account -> new Reviewer(account, token));
    }

    // The pages.

    private void list(HttpServletRequest request, HttpServletResponse response, Language language,
            Reviewer reviewer) throws IOException {
        ReviewMessages t = ReviewMessages.in(language);
        Account account = reviewer.account();
        SubmissionFilter filter = account.role() == Role.ADMINISTRATOR ? SubmissionFilter.ALL
                : SubmissionFilter.ALL.inRegions(account.regions());
        Map<SubmissionState, List<ListView.Row>> byState = new EnumMap<>(SubmissionState.class);
        for (Submission s : submissions.list(filter)) {
            if (!account.mayReview(s)) {
                continue;
            }
            byState.computeIfAbsent(s.state(), state -> new ArrayList<>()).add(new ListView.Row(s.id(),
                    s.id() + "?lang=" + language.code(), s.activity().title().in(language),
                    s.activity().title().has(language) ? null : Language.FR.code(), t.t("kind." + s.kind().code()),
                    s.region() == null ? t.t("region.none") : s.region().displayName().in(language),
                    s.submitter().organisation(), SubmissionPage.WHEN.format(s.submittedAt())));
        }
        List<ListView.Group> groups = new ArrayList<>();
        byState.forEach((state, rows) -> groups.add(new ListView.Group(
                SubmissionPage.capitalized(state.displayName().in(language)),
                state.code(), rows)));
        String scope = account.role() == Role.ADMINISTRATOR ? t.t("list.scope.all")
                : String.join(", ", account.regions().stream().map(r -> r.displayName().in(language)).toList());
        send(request, response, 200, templates.list(new ListView(frame(request, language, reviewer,
                t.t("list.title.page")), scope, groups)));
    }

    private void submission(HttpServletRequest request, HttpServletResponse response, Language language, String id)
            throws IOException {
        String method = request.getMethod();
        boolean post = method.equals("POST");
        if (!post && !method.equals("GET") && !method.equals("HEAD")) {
            notAllowed(request, response, language, "GET, HEAD, POST");
            return;
        }
        Optional<Reviewer> found = reviewer(request);
        if (found.isEmpty()) {
            logInPage(request, response, language, 401, id, "", null);
            return;
        }
        Reviewer reviewer = found.get();
        if (post && !reviewer.sent(request.getParameter("csrf"))) {
            problem(request, response, language, 403, "problem.csrf", "problem.csrf.text", reviewer);
            return;
        }
        Optional<Submission> submission = submissions.find(id);
        if (submission.isEmpty()) {
            problem(request, response, language, 404, "problem.not-found", "problem.not-found.text", reviewer);
            return;
        }
        Submission s = submission.get();
        if (!reviewer.account().mayReview(s)) {
            LOG.log(System.Logger.Level.WARNING, "jqsi review: refused: {0} may not review submission {1} "
                    + "(region {2}); {3} {4} from {5}", reviewer.account().email(), s.id(),
                    s.region() == null ? "none" : s.region().code(), method,
                    post ? "action=" + safe(request.getParameter("action")) : "page", clients.of(request));
            problem(request, response, language, 403, "problem.forbidden", "problem.forbidden.text", reviewer);
            return;
        }
        if (post) {
            act(request, response, language, reviewer, s);
        } else {
            String done = Optional.ofNullable(request.getParameter("done")).flatMap(SubmissionAction::ofCode)
                    .filter(SubmissionAction::byReviewer).map(a -> ReviewMessages.message(language, "done."
                            + a.code())).orElse(null);
            showSubmission(request, response, language, reviewer, s, 200, null, null, done, null);
        }
    }

    private void act(HttpServletRequest request, HttpServletResponse response, Language language, Reviewer reviewer,
            Submission s) throws IOException {
        ReviewMessages t = ReviewMessages.in(language);
        Optional<SubmissionAction> action = Optional.ofNullable(request.getParameter("action"))
                .flatMap(SubmissionAction::ofCode).filter(SubmissionAction::byReviewer);
        String note = Optional.ofNullable(request.getParameter("note")).map(String::strip).orElse("");
        int version;
        try {
            version = Integer.parseInt(Optional.ofNullable(request.getParameter("version")).orElse(""));
        } catch (NumberFormatException e) {
            version = -1;
        }
        if (action.isEmpty() || version < 1) {
            showSubmission(request, response, language, reviewer, s, 400, note, null, null, t.t("act.bad-form"));
            return;
        }
        if (note.length() > MAX_NOTE) {
            showSubmission(request, response, language, reviewer, s, 400, note, t.t("act.note-too-long", MAX_NOTE),
                    null, null);
            return;
        }
        if (action.get().needsNote() && note.isEmpty()) {
            showSubmission(request, response, language, reviewer, s, 400, note,
                    t.t("act.note-required." + action.get().code()), null, null);
            return;
        }
        String actor = reviewer.account().email();
        Instant now = clock.instant();
        try {
            if (action.get() == SubmissionAction.APPROVE) {
                submissions.approve(s.id(), version, actor, note.isEmpty() ? null : note, now,
                        Publishing.checkAgainst(base.read(), validator));
            } else {
                submissions.act(s.id(), version, action.get(), actor, note, null, now);
            }
        } catch (SubmissionConflictException e) {
            Submission current = e.current() == null ? s : e.current();
            showSubmission(request, response, language, reviewer, current, 409, note, null, null,
                    e.text().in(language));
            return;
        } catch (ApprovalRefusedException e) {
            showSubmission(request, response, language, reviewer, s, 422, note, null, null,
                    t.t("act.not-approved"));
            return;
        } catch (ProgramLoadException e) {
            LOG.log(System.Logger.Level.ERROR, "jqsi review: the program file cannot be read to approve "
                    + s.id() + ": " + e.report().format(Language.EN));
            showSubmission(request, response, language, reviewer, s, 503, note, null, null,
                    t.t("act.program-unreadable", base.describe()));
            return;
        }
        redirect(request, response, s.id() + "?lang=" + language.code() + "&done=" + action.get().code());
    }

    private void showSubmission(HttpServletRequest request, HttpServletResponse response, Language language,
            Reviewer reviewer, Submission s, int status, String note, String noteProblem, String done,
            String problem) throws IOException {
        ReviewMessages t = ReviewMessages.in(language);
        PageFrame frame = frame(request, language, reviewer, t.t("submission.title.page", s.id(),
                s.activity().title().in(language)));
        String action = Cookies.mountPath(request) + s.id() + "?lang=" + language.code();
        send(request, response, status, templates.submission(pages.view(frame, action, reviewer, s, clock.instant(),
                note, noteProblem, done, problem)));
    }

    // Refusals.

    private void problem(HttpServletRequest request, HttpServletResponse response, Language language, int status,
            String heading, String text) throws IOException {
        problem(request, response, language, status, heading, text, null);
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, Language language, int status,
            String heading, String text, Reviewer reviewer) throws IOException {
        ReviewMessages t = ReviewMessages.in(language);
        PageFrame frame = reviewer == null ? PageFrame.anonymous(t, t.t(heading), otherLanguage(request, language))
                : frame(request, language, reviewer, t.t(heading));
        String link = Cookies.mountPath(request) + (reviewer == null ? "login" : "") + "?lang=" + language.code();
        send(request, response, status, templates.problem(new ProblemView(frame, t.t(heading), t.t(text), link,
                t.t(reviewer == null ? "problem.to-login" : "problem.to-list"))));
    }

    private void notAllowed(HttpServletRequest request, HttpServletResponse response, Language language,
            String allow) throws IOException {
        response.setHeader("Allow", allow);
        problem(request, response, language, 405, "problem.method", "problem.method.text");
    }

    // Plumbing.

    private PageFrame frame(HttpServletRequest request, Language language, Reviewer reviewer, String title) {
        ReviewMessages t = ReviewMessages.in(language);
        String mount = Cookies.mountPath(request);
        return new PageFrame(t, title, otherLanguage(request, language), reviewer.account().email(),
                mount + "logout?lang=" + language.code(), reviewer.csrf(), mount + "?lang=" + language.code());
    }

    /** The same page in the other language: relative, the query's {@code lang} switched. */
    private static String otherLanguage(HttpServletRequest request, Language language) {
        String path = request.getRequestURI();
        return path.substring(path.lastIndexOf('/') + 1) + "?lang=" + (language == Language.FR ? "en" : "fr");
    }

    /** 303 See Other to a page, relative to where the pages are mounted. */
    private static void redirect(HttpServletRequest request, HttpServletResponse response, String page) {
        response.setStatus(303);
        response.setHeader("Location", Cookies.mountPath(request) + page);
    }

    /** A form value for the log: only the characters an action's code has. */
    private static String safe(String value) {
        return value == null ? "-" : value.replaceAll("[^a-z-]", "?");
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, int status, String html)
            throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(HTML);
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }
}
