package org.haochaping.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A staff member's browser session over plain HTTP: form login with the CSRF token, session cookie, page reads. */
public class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    private ConsoleSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static ConsoleSession login(String base, String username, String password) {
        ConsoleSession session = new ConsoleSession(base);
        TestApi.Answer answer = session.postForm("/login", "/login", Map.of("username", username, "password", password));
        if (answer.status() != 302 || answer.body().contains("error")) {
            throw new IllegalStateException("login failed for " + username + ": " + answer.status());
        }
        return session;
    }

    public TestApi.Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Posts a form the way the page at {@code formPage} would, with its CSRF token. */
    public TestApi.Answer postForm(String formPage, String path, Map<String, String> fields) {
        String csrf = csrfOf(get(formPage).body());
        return postRaw(path, fields, csrf);
    }

    /** Posts a form with the given CSRF token (null: none). */
    public TestApi.Answer postRaw(String path, Map<String, String> fields, String csrf) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        if (csrf != null) {
            body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + enc(csrf);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    private TestApi.Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String location = r.headers().firstValue("Location").orElse("");
            return new TestApi.Answer(r.statusCode(), r.statusCode() == 302 ? location : r.body(),
                    r.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
