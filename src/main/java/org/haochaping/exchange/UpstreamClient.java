package org.haochaping.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.haochaping.identity.RequestSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the upstream platform with signed requests exactly as {@code api.md} describes (client id, Unix-millisecond
 * timestamp, single-use nonce, HMAC-SHA256 over method, raw path and query, timestamp, nonce and body hash).
 */
@Component
class UpstreamClient {

    private static final Logger log = LoggerFactory.getLogger(UpstreamClient.class);

    /** The upstream's answer. */
    record Answer(int status, String body) {
    }

    static final String REPORTS = "/api/v1/exchange/reports";
    static final String DAILY_COUNTS = "/api/v1/exchange/daily-counts";

    private final ExchangeSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;

    UpstreamClient(ExchangeSettings settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        if (settings.upstream().configured() && !encryptedOrLocal(URI.create(settings.upstream().baseUrl()))) {
            log.warn("The upstream {} is not reached over HTTPS: evaluator identity would cross the network "
                    + "unencrypted. Use an https:// address in production.", settings.upstream().baseUrl());
        }
    }

    /** Whether identity leaves encrypted in transit (HTTPS), or not at all (an upstream on this machine). */
    static boolean encryptedOrLocal(URI upstream) {
        String host = upstream.getHost() == null ? "" : upstream.getHost();
        return "https".equalsIgnoreCase(upstream.getScheme()) || host.equals("localhost") || host.equals("127.0.0.1")
                || host.equals("[::1]");
    }

    /** Sends one record in the configured format; throws when the upstream cannot be reached. */
    Answer report(Map<String, String> fields) throws IOException, InterruptedException {
        boolean form = settings.upstream().format() == ExchangeSettings.Format.FORM;
        byte[] body = form ? formEncode(fields).getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(fields);
        return send("POST", REPORTS, body, form ? "application/x-www-form-urlencoded; charset=UTF-8"
                : "application/json");
    }

    Answer get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, null, null);
    }

    private Answer send(String method, String pathAndQuery, byte[] body, String contentType)
            throws IOException, InterruptedException {
        ExchangeSettings.Upstream upstream = settings.upstream();
        URI uri = URI.create(upstream.baseUrl() + pathAndQuery);
        String signedPath = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String timestamp = String.valueOf(clock.millis());
        String nonce = UUID.randomUUID().toString();
        String signature = RequestSignature.sign(RequestSignature.Method.HMAC_SHA256, upstream.clientSecret(), method,
                signedPath, timestamp, nonce, body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.retry().requestTimeout())
                .header("X-Client-Id", upstream.clientId()).header("X-Timestamp", timestamp)
                .header("X-Nonce", nonce).header("X-Signature", signature).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    static String formEncode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
