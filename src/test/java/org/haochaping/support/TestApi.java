package org.haochaping.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.haochaping.identity.RequestSignature;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: signed requests as integrators send them, bearer calls as staff make them. */
public class TestApi {

    public static final String BUSINESS = "demo-business-system";
    public static final String BUSINESS_SECRET = "demo-secret-2026";
    public static final String PLATFORM = "demo-platform-ixuchang";
    public static final String PLATFORM_SECRET = "demo-platform-secret-2026";
    public static final String LOWER = "demo-lower-platform";
    public static final String LOWER_SECRET = "demo-lower-secret-2026";
    public static final String PASSWORD = "Demo@2026hcp";

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer: status, raw body, and the body as JSON when it is JSON. */
    public record Answer(int status, String body, String contentType) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            JsonNode node = json().path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }
    }

    private final String base;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public TestApi(String base, Clock clock) {
        this.base = base;
        this.clock = clock;
    }

    public String base() {
        return base;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public Answer signed(String method, String path, String body, String client, String secret) {
        return signed(method, path, body, client, secret, RequestSignature.Method.HMAC_SHA256,
                String.valueOf(clock.millis()), UUID.randomUUID().toString(), "application/json");
    }

    public Answer signed(String method, String path, String body, String client, String secret,
            RequestSignature.Method signatureMethod, String timestamp, String nonce, String contentType) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String signature = RequestSignature.sign(signatureMethod, secret, method, path, timestamp, nonce, bytes);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Client-Id", client).header("X-Timestamp", timestamp).header("X-Nonce", nonce)
                .header("X-Signature", signature)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (signatureMethod == RequestSignature.Method.HMAC_SM3) {
            request.header("X-Signature-Method", "HMAC-SM3");
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    public Answer business(String method, String path, Object body) {
        return signed(method, path, body == null ? null : json(body), BUSINESS, BUSINESS_SECRET);
    }

    public Answer putCase(String caseNo, Map<String, Object> body) {
        return business("PUT", "/api/v1/cases/" + caseNo, body);
    }

    public Answer post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public String login(String username) {
        Answer answer = post("/api/v1/auth/token", json(Map.of("username", username, "password", PASSWORD)));
        if (answer.status() != 200) {
            throw new IllegalStateException("login failed: " + answer);
        }
        return answer.text("accessToken");
    }

    public Answer bearer(String token, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
