package org.jqsi.web.submit.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.Program;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionIds;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.web.http.ClientAddress;
import org.jqsi.web.http.RequestLanguage;
import org.jqsi.web.submit.SubmitSettings;

/**
 * Answers the API's requests, relative to where it is mounted:
 *
 * <ul>
 *   <li>{@code POST /}: a submission ({@link SubmissionIntake}), after the rate limit and the body's type and size;
 *       a form's ({@code application/x-www-form-urlencoded}) is {@link FormRoutes}'s;
 *   <li>{@code GET /}: the form ({@link FormRoutes});
 *   <li>{@code GET /api}: the page that says how to submit as JSON;
 *   <li>{@code GET /received}: where a post that filled the honeypot is sent;
 *   <li>{@code GET /status/{key}}: a submission's status page, as HTML ({@link FormRoutes}, with its forms), or as
 *       JSON to {@code Accept: application/json}; {@code POST}: an edit or a withdrawal ({@link FormRoutes});
 *   <li>anything else: {@code 404}, or {@code 405} with {@code Allow} for a method a path does not take.
 * </ul>
 * Every answer carries the security headers; every refusal of the API is JSON in the request's language, and of the
 * form a page. Thread-safe.
 */
public final class SubmitRoutes {

    /** A status key as {@link SubmissionIds#newStatusKey()} makes them: 43 URL-safe base 64 characters. */
    private static final Pattern STATUS_KEY = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String STATUS = "/status/";
    private static final String API = "/api";
    private static final String RECEIVED = "/received";
    private static final String HTML = "text/html;charset=UTF-8";

    private final SubmissionStore store;
    private final Supplier<Program> served;
    private final SubmitSettings settings;
    private final SubmissionIntake intake;
    private final RequestBody body;
    private final RateLimit rate;
    private final ClientAddress clients;
    private final RequestLanguage languages;
    private final Templates templates = new Templates();
    private final FormRoutes form;
    private final BiConsumer<String, Throwable> log;

    /**
     * @param log where failures that are not the client's are told (the servlet's log)
     */
    public SubmitRoutes(SubmissionStore store, Supplier<Program> served, ProgramValidator validator,
            SubmitSettings settings, Clock clock, SubmissionIds ids, BiConsumer<String, Throwable> log) {
        this.store = store;
        this.served = served;
        this.settings = settings;
        this.intake = new SubmissionIntake(store, served, validator, ids, clock);
        this.body = new RequestBody(settings.maxBodyBytes());
        this.rate = new RateLimit(settings.burst(), settings.perWindow(), settings.window(), clock);
        this.clients = new ClientAddress(settings.trustedProxies());
        this.languages = new RequestLanguage(settings.defaultLanguage());
        this.log = log;
        byte[] secret = settings.formSecret() == null ? FormTokens.newSecret()
                : settings.formSecret().getBytes(StandardCharsets.UTF_8);
        this.form = new FormRoutes(store, served, intake, body, rate, clients, new FormTokens(secret, clock),
                templates, clock, log);
    }

    /** Any request. */
    public void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.applyTo(response);
        response.addHeader("Vary", "Accept-Language");
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String method = request.getMethod();
        Language language = languages.of(request);
        if (path.equals("/")) {
            switch (method) {
                case "POST" -> {
                    if (RequestBody.isForm(request.getContentType())) {
                        SecurityHeaders.privateAnswer(response);
                        response.setHeader("Content-Language", language.code());
                        form.submit(request, response, place(request, language));
                    } else {
                        submit(request, response, language);
                    }
                }
                case "GET", "HEAD" -> {
                    // The form carries a token and may set its cookie: kept by no cache.
                    response.setHeader("Cache-Control", "no-store");
                    response.setHeader("Content-Language", language.code());
                    form.form(request, response, place(request, language));
                }
                default -> notAllowed(request, response, language, "GET, HEAD, POST, OPTIONS");
            }
        } else if (path.equals(API)) {
            switch (method) {
                case "GET", "HEAD" -> guide(request, response, language);
                default -> notAllowed(request, response, language, "GET, HEAD, OPTIONS");
            }
        } else if (path.equals(RECEIVED)) {
            switch (method) {
                case "GET", "HEAD" -> {
                    response.setHeader("Cache-Control", "no-store");
                    form.received(request, response, place(request, language));
                }
                default -> notAllowed(request, response, language, "GET, HEAD, OPTIONS");
            }
        } else if (path.startsWith(STATUS)) {
            SecurityHeaders.privateAnswer(response);
            String key = path.substring(STATUS.length());
            switch (method) {
                case "GET", "HEAD" -> status(request, response, language, key);
                case "POST" -> {
                    if (STATUS_KEY.matcher(key).matches()) {
                        form.act(request, response, place(request, language), key, () -> {
                            try {
                                notFound(request, response, language);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                    } else {
                        notFound(request, response, language);
                    }
                }
                default -> notAllowed(request, response, language, "GET, HEAD, POST, OPTIONS");
            }
        } else {
            notFound(request, response, language);
        }
    }

    private void submit(HttpServletRequest request, HttpServletResponse response, Language language)
            throws IOException {
        SecurityHeaders.privateAnswer(response);
        try {
            Duration wait = rate.take(clients.network(request));
            if (!wait.isZero()) {
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                throw new Refusal(429, List.of(ApiProblem.at("", "request.rate",
                        SubmitMessages.text("request.rate", seconds))), Map.of("Retry-After", Long.toString(seconds)));
            }
            SubmissionStore.Created created = intake.submit(body.read(request));
            String statusUrl = base(request) + STATUS.substring(1) + created.statusKey();
            response.setHeader("Location", statusUrl);
            send(request, response, 201, JsonAnswers.TYPE, JsonAnswers.created(created.submission(), statusUrl));
        } catch (Refusal refused) {
            refuse(request, response, refused, language);
        } catch (RuntimeException e) {
            // The store could not keep it (the database is unreachable...): the client may try again; the operator
            // reads why in the log. Nothing of the exception goes to the client.
            log.accept("jqsi: a submission could not be kept", e);
            send(request, response, 503, JsonAnswers.TYPE, JsonAnswers.refusal(503, List.of(ApiProblem.at("",
                    "request.unavailable", SubmitMessages.text("request.unavailable"))), language));
        }
    }

    private void status(HttpServletRequest request, HttpServletResponse response, Language language, String key)
            throws IOException {
        Optional<Submission> found;
        try {
            found = STATUS_KEY.matcher(key).matches() ? store.findByStatusKey(key) : Optional.empty();
        } catch (RuntimeException e) {
            log.accept("jqsi: a status page could not be read", e);
            send(request, response, 503, JsonAnswers.TYPE, JsonAnswers.refusal(503, List.of(ApiProblem.at("",
                    "request.unavailable", SubmitMessages.text("request.unavailable"))), language));
            return;
        }
        response.addHeader("Vary", "Accept");
        if (found.isEmpty()) {
            notFound(request, response, language);
            return;
        }
        response.setHeader("Content-Language", language.code());
        if (wantsJson(request)) {
            send(request, response, 200, JsonAnswers.TYPE, JsonAnswers.status(found.get(), language));
            return;
        }
        form.status(request, response, place(request, language), key, found.get());
    }

    private FormRoutes.Place place(HttpServletRequest request, Language language) {
        boolean secure = settings.baseUrl() != null ? "https".equalsIgnoreCase(settings.baseUrl().getScheme())
                : request.isSecure();
        return new FormRoutes.Place(base(request), secure, language);
    }

    private void guide(HttpServletRequest request, HttpServletResponse response, Language language)
            throws IOException {
        SubmitMessages t = SubmitMessages.in(language);
        PageFrame frame = new PageFrame(t, t.t("guide.title"), otherLanguage(language));
        String endpoint = base(request);
        Duration window = settings.window();
        GuideView view = new GuideView(frame, endpoint, example(served.get()),
                "curl -i -H 'Content-Type: application/json' --data-binary @submission.json " + endpoint,
                settings.maxBodyBytes() / 1024, settings.burst(), settings.perWindow(),
                Math.max(1, window.toMinutes()));
        response.setHeader("Cache-Control", "max-age=300");
        response.setHeader("Content-Language", language.code());
        send(request, response, 200, HTML, templates.guide(view));
    }

    /** A body that the program served accepts: in its latest edition, on its first day. */
    static String example(Program program) {
        Optional<Edition> latest = program.editions().stream().max(Comparator.comparing(Edition::start));
        String edition = latest.map(Edition::id).orElse("jqsi-2021");
        LocalDate day = latest.map(Edition::start).orElse(LocalDate.of(2021, 11, 10));
        return """
                {
                  "submitter": {"organisation": "Comité de solidarité/Trois-Rivières",
                                "email": "programme@example.org"},
                  "activity": {
                    "editionId": "%s",
                    "kind": "workshop",
                    "title": {"fr": "Atelier sur le commerce équitable", "en": "Fair trade workshop"},
                    "schedule": {"type": "timed", "start": "%sT19:00", "end": "%sT21:00", "zone": "America/Toronto"},
                    "place": {"type": "online", "url": "https://example.org/atelier", "platform": "zoom"},
                    "region": "04",
                    "status": "scheduled"
                  }
                }""".formatted(edition, day, day);
    }

    private void notFound(HttpServletRequest request, HttpServletResponse response, Language language)
            throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (wantsJson(request) || "POST".equals(request.getMethod())) {
            send(request, response, 404, JsonAnswers.TYPE, JsonAnswers.refusal(404, List.of(ApiProblem.at("",
                    "request.not-found", SubmitMessages.text("request.not-found"))), language));
            return;
        }
        SubmitMessages t = SubmitMessages.in(language);
        PageFrame frame = new PageFrame(t, t.t("notFound.heading"), "?lang=" + (language == Language.FR ? "en" : "fr"));
        send(request, response, 404, HTML, templates.notFound(new NotFoundView(frame, base(request))));
    }

    private void notAllowed(HttpServletRequest request, HttpServletResponse response, Language language,
            String allow) throws IOException {
        response.setHeader("Allow", allow);
        if ("OPTIONS".equals(request.getMethod())) {
            response.setStatus(204);
            return;
        }
        refuse(request, response, new Refusal(405, List.of(ApiProblem.at("", "request.method",
                SubmitMessages.text("request.method", request.getMethod(), allow)))), language);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refused,
            Language language) throws IOException {
        refused.headers().forEach(response::setHeader);
        response.setHeader("Content-Language", language.code());
        send(request, response, refused.status(), JsonAnswers.TYPE,
                JsonAnswers.refusal(refused.status(), refused.problems(), language));
    }

    /** {@code ?lang=} for the other language: the page's own address, relative. */
    private static String otherLanguage(Language language) {
        return "?lang=" + (language == Language.FR ? "en" : "fr");
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    /** Where the API is mounted, ending in {@code /}: from the settings, else from the request. */
    private String base(HttpServletRequest request) {
        if (settings.baseUrl() != null) {
            return settings.baseUrl().toString();
        }
        String url = request.getRequestURL().toString();
        String origin = url.substring(0, url.length() - request.getRequestURI().length());
        return origin + request.getContextPath() + request.getServletPath() + "/";
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, int status, String type,
            String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }
}
