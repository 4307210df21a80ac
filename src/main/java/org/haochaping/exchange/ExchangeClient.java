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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls another platform — the upstream, or a lower-level platform a rating goes down to — with signed requests
 * exactly as {@code api.md} describes (client id, Unix-millisecond timestamp, single-use nonce, HMAC-SHA256 over
 * method, raw path and query, timestamp, nonce and body hash).
 */
@Component
class ExchangeClient {

    private static final Logger log = LoggerFactory.getLogger(ExchangeClient.class);

    /** The other platform's answer. */
    record Answer(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /**
         * Whether the answer is the one-rating rule's 409 (第六条: the case already has its rating), as this software
         * answers a second rating of a case.
         */
        boolean caseAlreadyRated(JsonMapper json) {
            if (status != 409 || body == null || body.isBlank()) {
                return false;
            }
            try {
                JsonNode problem = json.readTree(body);
                return CASE_ALREADY_RATED.equals(problem.path("title").asString(""));
            } catch (RuntimeException notJson) {
                return false;
            }
        }
    }

    static final String REPORTS = "/api/v1/exchange/reports";
    static final String DAILY_COUNTS = "/api/v1/exchange/daily-counts";
    /** The title of the problem answered to a second rating of a case ({@code CaseAlreadyRated}). */
    static final String CASE_ALREADY_RATED = "该办件已评价";

    private final ExchangeSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final HttpClient quick;

    ExchangeClient(ExchangeSettings settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        this.quick = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.relayTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        warnIfUnencrypted("upstream", settings.upstream());
        settings.downstream().forEach((client, peer) -> warnIfUnencrypted("downstream " + client, peer));
    }

    private static void warnIfUnencrypted(String what, ExchangeSettings.Peer peer) {
        if (peer.configured() && !encryptedOrLocal(URI.create(peer.baseUrl()))) {
            log.warn("The {} {} is not reached over HTTPS: evaluator identity would cross the network "
                    + "unencrypted. Use an https:// address in production.", what, peer.baseUrl());
        }
    }

    /** Whether identity leaves encrypted in transit (HTTPS), or not at all (a platform on this machine). */
    static boolean encryptedOrLocal(URI peer) {
        String host = peer.getHost() == null ? "" : peer.getHost();
        return "https".equalsIgnoreCase(peer.getScheme()) || host.equals("localhost") || host.equals("127.0.0.1")
                || host.equals("[::1]");
    }

    /** Sends one record in the peer's format; throws when the peer cannot be reached. */
    Answer report(ExchangeSettings.Peer peer, Map<String, String> fields) throws IOException, InterruptedException {
        return report(peer, fields, false);
    }

    /**
     * Sends one record; {@code quickly} waits at most the relay timeout (a person is waiting for the answer), else
     * the usual request timeout.
     */
    Answer report(ExchangeSettings.Peer peer, Map<String, String> fields, boolean quickly)
            throws IOException, InterruptedException {
        boolean form = peer.format() == ExchangeSettings.Format.FORM;
        byte[] body = form ? formEncode(fields).getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(fields);
        return send(peer, "POST", REPORTS, body, form ? "application/x-www-form-urlencoded; charset=UTF-8"
                : "application/json", quickly);
    }

    /** Posts a JSON document, signed. */
    Answer post(ExchangeSettings.Peer peer, String path, Object document) throws IOException, InterruptedException {
        return send(peer, "POST", path, json.writeValueAsBytes(document), "application/json", false);
    }

    Answer get(ExchangeSettings.Peer peer, String pathAndQuery) throws IOException, InterruptedException {
        return send(peer, "GET", pathAndQuery, null, null, false);
    }

    private Answer send(ExchangeSettings.Peer peer, String method, String pathAndQuery, byte[] body,
            String contentType, boolean quickly) throws IOException, InterruptedException {
        URI uri = URI.create(peer.baseUrl() + pathAndQuery);
        String signedPath = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String timestamp = String.valueOf(clock.millis());
        String nonce = UUID.randomUUID().toString();
        String signature = RequestSignature.sign(RequestSignature.Method.HMAC_SHA256, peer.clientSecret(), method,
                signedPath, timestamp, nonce, body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(quickly ? settings.relayTimeout() : settings.retry().requestTimeout())
                .header("X-Client-Id", peer.clientId()).header("X-Timestamp", timestamp)
                .header("X-Nonce", nonce).header("X-Signature", signature).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = (quickly ? quick : http).send(request.build(),
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
