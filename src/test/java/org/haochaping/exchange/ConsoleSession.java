package org.haochaping.exchange;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.haochaping.support.TestApi;

/** A staff member signed in to the web console (session cookie and CSRF token), as a browser would be. */
final class ConsoleSession {

    /** A page or download: status, where it redirects, the body as text and as bytes. */
    record Page(int status, String location, String text, byte[] bytes, String contentType) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private ConsoleSession(String base) {
        this.base = base;
    }

    static ConsoleSession login(String base, String username) {
        ConsoleSession session = new ConsoleSession(base);
        String csrf = session.csrfOf("/login");
        Page answer = session.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode(TestApi.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf)).build());
        if (answer.status() != 302 || answer.location() == null || answer.location().contains("error")) {
            throw new IllegalStateException("console login failed: " + answer.status() + " " + answer.location());
        }
        return session;
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Posts an empty form with the CSRF token of the page {@code from}. */
    Page post(String from, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrfOf(from))).build());
    }

    /** Uploads a file as the form on page {@code from} would (multipart, field {@code file}). */
    Page upload(String from, String path, String fileName, byte[] content) {
        String boundary = "----hcp" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfOf(from)
                + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private String csrfOf(String path) {
        Page page = get(path);
        Matcher m = CSRF.matcher(page.text());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + path + " (" + page.status() + ")");
        }
        return m.group(1);
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
