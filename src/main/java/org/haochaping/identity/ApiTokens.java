package org.haochaping.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;

import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Bearer tokens for the staff JSON API; only their SHA-256 is stored. */
@Service
class ApiTokens {

    record IssuedToken(String accessToken, String tokenType, OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final IdentitySettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Accounts accounts, IdentitySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    IssuedToken issue(CurrentUser user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = Zones.now(clock);
        OffsetDateTime expires = now.plus(settings.apiTokenValidity());
        jdbc.sql("insert into identity_api_token (token_hash, username, issued_at, expires_at) values (:h, :u, :i, :e)")
                .param("h", RequestSignature.sha256Hex(token.getBytes())).param("u", user.username())
                .param("i", now).param("e", expires).update();
        return new IssuedToken(token, "Bearer", expires);
    }

    void revoke(String token) {
        jdbc.sql("delete from identity_api_token where token_hash = :h")
                .param("h", RequestSignature.sha256Hex(token.getBytes())).update();
    }

    Optional<CurrentUser> resolve(String token) {
        return jdbc.sql("select username from identity_api_token where token_hash = :h and expires_at > :now")
                .param("h", RequestSignature.sha256Hex(token.getBytes())).param("now", Zones.now(clock))
                .query(String.class).optional()
                .flatMap(accounts::find)
                .filter(Accounts.Account::enabled)
                .map(Accounts.Account::toCurrentUser);
    }
}
