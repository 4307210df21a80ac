package org.haochaping.support;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser without the browser, for HTTP tests of pages: keeps cookies, posts forms (with the page's CSRF
 * token where the console asks for one), uploads files, does not follow redirects. A citizen uses it as it is; a
 * staff member signs in first ({@link #signedIn}).
 */
public class PageClient {

    /** A page or a download: status, where it redirects, the body as text and as bytes. */
    public record Page(int status, String location, String body, byte[] bytes, String contentType) {

        /** The value of the first input with this name. */
        public String input(String name) {
            Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"").matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    public PageClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    }

    /** A staff member signed in to the console with the demo password. */
    public static PageClient signedIn(String base, String username) {
        return signedIn(base, username, TestApi.PASSWORD);
    }

    /** A staff member signed in to the console through the login form. */
    public static PageClient signedIn(String base, String username, String password) {
        PageClient client = new PageClient(base);
        Page answer = client.postForm("/login", "/login", Map.of("username", username, "password", password));
        if (answer.status() != 302 || answer.location() == null || answer.location().contains("error")) {
            throw new IllegalStateException("login failed for " + username + ": " + answer.status());
        }
        return client;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A request htmx makes (it swaps in a fragment). */
    public Page getAsHtmx(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true").GET().build());
    }

    /** Posts a form as it is (the citizen's pages carry what they need in their own fields). */
    public Page post(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    /** Posts a form the way the page at {@code formPage} would, with its CSRF token. */
    public Page postForm(String formPage, String path, Map<String, String> fields) {
        return postRaw(path, fields, csrfOf(get(formPage).body()));
    }

    /** Posts a form with the given CSRF token (null: none). */
    public Page postRaw(String path, Map<String, String> fields, String csrf) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        return post(path, all);
    }

    /** Uploads a file as the form on page {@code formPage} would (multipart, field {@code file}). */
    public Page upload(String formPage, String path, String fileName, byte[] content) {
        String boundary = "----hcp" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + csrfOf(get(formPage).body()) + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    public static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    /** A form from name, value pairs, in order. */
    public static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(null),
                    new String(r.body(), StandardCharsets.UTF_8), r.body(),
                    r.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
