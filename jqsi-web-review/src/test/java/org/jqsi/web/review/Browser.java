package org.jqsi.web.review;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A browser as far as the tests need one: the JDK's HTTP client, which follows no redirect, with the cookies the
 * server set (by name; one whose {@code Max-Age=0} is dropped) sent back on each request, and forms sent as
 * {@code application/x-www-form-urlencoded}.
 */
final class Browser {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ReviewServer server;
    final Map<String, String> cookies = new LinkedHashMap<>();
    private final String[] headers;

    /** @param headers sent with every request: name, value, name, value... */
    Browser(ReviewServer server, String... headers) {
        this.server = server;
        this.headers = headers;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.uri(path)).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Opens the log-in page and logs in with its form; the answer to the form. */
    HttpResponse<String> logIn(String email, String password) throws IOException, InterruptedException {
        String csrf = csrf(get("/review/login"));
        return post("/review/login", Map.of("csrf", csrf, "email", email, "password", password));
    }

    /** The CSRF token of the page's first form. */
    static String csrf(HttpResponse<String> page) {
        Element input = Jsoup.parse(page.body()).selectFirst("input[name=csrf]");
        if (input == null) {
            throw new AssertionError("no CSRF token in the page: " + page.body());
        }
        return input.val();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            if (set.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, pair.substring(pair.indexOf('=') + 1));
            }
        }
        return response;
    }

    /** The Set-Cookie headers of an answer. */
    static List<String> setCookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie");
    }
}
