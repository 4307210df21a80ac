package org.haochaping.identity;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import org.haochaping.system.Zones;

/**
 * Verifies signed requests exactly as {@code api.md} describes: known client, timestamp within five minutes,
 * single-use nonce, HMAC over method, raw path and query, timestamp, nonce and body hash. Any failure answers
 * 401 before anything is stored.
 */
class SignedRequestFilter extends OncePerRequestFilter {

    private final ApiClients clients;
    private final PersonalDataVault vault;
    private final JdbcClient jdbc;
    private final IdentitySettings settings;
    private final Clock clock;

    SignedRequestFilter(ApiClients clients, PersonalDataVault vault, JdbcClient jdbc, IdentitySettings settings,
            Clock clock) {
        this.clients = clients;
        this.vault = vault;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientId = request.getHeader("X-Client-Id");
        if (clientId == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = CachedBodyRequest.readBody(request);
        if (body == null) {
            ProblemResponses.write(response, 413, "请求内容过大", "请求体超过 5 MB。");
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request, body);
        String failure = verify(cached, clientId);
        if (failure != null) {
            ProblemResponses.write(response, 401, "签名验证失败", failure);
            return;
        }
        chain.doFilter(cached, response);
    }

    private String verify(CachedBodyRequest request, String clientId) {
        String timestamp = request.getHeader("X-Timestamp");
        String nonce = request.getHeader("X-Nonce");
        String signature = request.getHeader("X-Signature");
        if (timestamp == null || nonce == null || signature == null || nonce.isBlank() || nonce.length() > 128) {
            return "缺少签名请求头（X-Timestamp、X-Nonce、X-Signature）。";
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return "X-Timestamp 必须是 Unix 毫秒时间戳。";
        }
        if (Math.abs(clock.millis() - millis) > settings.signatureWindow().toMillis()) {
            return "请求时间戳与服务器时间相差超过 5 分钟。";
        }
        ApiClients.ApiClient client = clients.find(clientId).filter(ApiClients.ApiClient::enabled).orElse(null);
        if (client == null) {
            return "未知的客户端。";
        }
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String expected = RequestSignature.sign(RequestSignature.Method.fromHeader(request.getHeader("X-Signature-Method")),
                vault.unseal(client.sealedSecret()), request.getMethod(), path, timestamp, nonce, request.body());
        if (!RequestSignature.matches(expected, signature)) {
            return "签名不正确。";
        }
        try {
            jdbc.sql("insert into identity_request_nonce (client_id, nonce, seen_at) values (:c, :n, :t)")
                    .param("c", clientId).param("n", nonce).param("t", Zones.now(clock)).update();
        } catch (DuplicateKeyException e) {
            return "X-Nonce 已使用过（重放请求）。";
        }
        ApiClientPrincipal principal = client.principal();
        PreAuthenticatedAuthenticationToken auth = new PreAuthenticatedAuthenticationToken(principal, null,
                List.of(new SimpleGrantedAuthority("CLIENT_" + principal.kind().name())));
        SecurityContextHolder.getContext().setAuthentication(auth);
        return null;
    }
}
