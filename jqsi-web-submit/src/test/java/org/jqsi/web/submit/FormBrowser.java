package org.jqsi.web.submit;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;

/**
 * A browser without scripts, for the form's HTTP tests: it keeps its cookies, reads pages with jsoup, and sends a
 * form's fields as a browser would ({@link FormElement#formData()}: the values shown, the boxes ticked, the options
 * selected), after the test changed some.
 */
final class FormBrowser {

    private final SubmitServer server;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    FormBrowser(SubmitServer server) {
        this.server = server;
        this.client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    CookieManager cookies() {
        return cookies;
    }

    HttpResponse<String> get(String pathOrUrl, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A page, read. */
    Document open(String pathOrUrl, String... headers) throws IOException, InterruptedException {
        HttpResponse<String> response = get(pathOrUrl, headers);
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    /** A page's form, its fields as a browser would send them. */
    static Form form(Document page, String selector) {
        FormElement form = (FormElement) page.selectFirst(selector);
        if (form == null) {
            throw new AssertionError("no form " + selector + " in " + page.location());
        }
        List<String[]> fields = new ArrayList<>();
        for (Connection.KeyVal field : form.formData()) {
            fields.add(new String[] {field.key(), field.value()});
        }
        return new Form(form.absUrl("action"), fields);
    }

    /** A form's fields, to change and send. */
    static final class Form {
        final String action;
        final List<String[]> fields;

        Form(String action, List<String[]> fields) {
            this.action = action;
            this.fields = fields;
        }

        /** Sets a field's one value (adds it when the form had none: a box ticked). */
        Form set(String name, String value) {
            fields.removeIf(f -> f[0].equals(name));
            fields.add(new String[] {name, value});
            return this;
        }

        /** Adds a value (one more box ticked). */
        Form add(String name, String value) {
            fields.add(new String[] {name, value});
            return this;
        }

        Form remove(String name) {
            fields.removeIf(f -> f[0].equals(name));
            return this;
        }

        String get(String name) {
            return fields.stream().filter(f -> f[0].equals(name)).map(f -> f[1]).findFirst().orElse(null);
        }

        Map<String, String> asMap() {
            return fields.stream().collect(Collectors.toMap(f -> f[0], f -> f[1], (a, b) -> a));
        }

        String encoded() {
            return fields.stream().map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(f[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        }
    }

    /** Sends a form, with this browser's cookies. */
    HttpResponse<String> submit(Form form, String... headers) throws IOException, InterruptedException {
        return post(form.action, form.encoded(), headers);
    }

    HttpResponse<String> post(String pathOrUrl, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : server.uri(pathOrUrl);
    }
}
