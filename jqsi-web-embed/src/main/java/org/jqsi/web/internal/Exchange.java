package org.jqsi.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.Program;

/**
 * One request to the widget and its response, with what every handler needs of them: the parameters and the
 * language, the program read once for the whole response, the widget's addresses as this request reaches them, and
 * the headers several routes share (CORS, {@code Vary}, security). Writes the body, or for a {@code HEAD} only its
 * length. One thread uses it, for one request.
 */
final class Exchange {

    /** The response header that names the version of the program a response was rendered from. */
    static final String VERSION_HEADER = "X-Jqsi-Program-Version";

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final WidgetAddresses addresses;
    private final Supplier<Program> programs;
    private final RequestReader reader;
    private final List<String> corsOrigins;
    private final SecurityHeaders security;
    private Program program;

    /**
     * @param addresses the widget's addresses for this request
     * @param programs where the program is read, once, by the first call of {@link #program()}
     * @param reader reads the language
     * @param corsOrigins the origins that may read the widget's data from a script, or {@code *}
     * @param security the headers every response carries, set here at once
     */
    Exchange(HttpServletRequest request, HttpServletResponse response, WidgetAddresses addresses,
            Supplier<Program> programs, RequestReader reader, List<String> corsOrigins, SecurityHeaders security) {
        this.request = request;
        this.response = response;
        this.addresses = addresses;
        this.programs = programs;
        this.reader = reader;
        this.corsOrigins = corsOrigins;
        this.security = security;
        security.applyTo(response);
    }

    HttpServletRequest request() {
        return request;
    }

    HttpServletResponse response() {
        return response;
    }

    WidgetAddresses addresses() {
        return addresses;
    }

    Map<String, String[]> parameters() {
        return request.getParameterMap();
    }

    String acceptLanguage() {
        return request.getHeader("Accept-Language");
    }

    /**
     * The form the request came in, by which {@link KnownRequests} finds what it read as; {@code null} for a request
     * with a body, whose form fields a container may count among the parameters too.
     */
    KnownRequests.Form form() {
        if (request.getContentType() != null) {
            return null;
        }
        return new KnownRequests.Form(addresses.base(), request.getQueryString(), acceptLanguage());
    }

    /** A request header, or {@code null}. */
    String requestHeader(String name) {
        return request.getHeader(name);
    }

    /** The language to answer in ({@link RequestReader#language}). */
    Language language() {
        return reader.language(parameters(), acceptLanguage());
    }

    /**
     * The program this response is rendered from, read on the first call only, and named in
     * {@value #VERSION_HEADER} so that a client (or a soak test) can tell which version of the program a response
     * shows, even across a reload.
     */
    Program program() {
        if (program == null) {
            program = programs.get();
            response.setHeader(VERSION_HEADER, program.version());
        }
        return program;
    }

    /**
     * Lets the allowed origins read this response from a script (no credentials), with its {@code ETag} (to
     * revalidate) and {@value #VERSION_HEADER}, which a script cannot see unless they are exposed.
     */
    void allowCrossOrigin() {
        response.setHeader("Access-Control-Expose-Headers", "ETag, " + VERSION_HEADER);
        if (corsOrigins.contains("*")) {
            response.setHeader("Access-Control-Allow-Origin", "*");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && corsOrigins.contains(origin)) {
            response.setHeader("Access-Control-Allow-Origin", origin);
        }
        vary("Origin");
    }

    /** Adds a request header to {@code Vary} once, whatever path the response took. */
    void vary(String header) {
        // Most responses have no Vary yet: then there is nothing to look through (getHeaders makes a list).
        if (!response.containsHeader("Vary") || !response.getHeaders("Vary").contains(header)) {
            response.addHeader("Vary", header);
        }
    }

    /** Sets a response header. */
    void setHeader(String name, String value) {
        response.setHeader(name, value);
    }

    /** Allows the page's JSON-LD as its one inline script. */
    void allowScript(JsonLd jsonLd) {
        security.applyTo(response, jsonLd);
    }

    /** Answers {@code 304}: the headers set so far, no body. */
    void notModified() {
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
    }

    void send(int status, String type, String body) throws IOException {
        send(status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the body with its type and length; for a {@code HEAD}, the type and length without the body. */
    void send(int status, String type, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /**
     * Starts a body of unknown length with its status and type: where to write it, or for a {@code HEAD} a stream
     * that drops it.
     */
    OutputStream start(int status, String type) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        return "HEAD".equals(request.getMethod()) ? OutputStream.nullOutputStream() : response.getOutputStream();
    }
}
