package org.haochaping.identity;

import java.time.Clock;
import java.time.Duration;

import org.haochaping.system.Job;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forgets request nonces older than fifteen minutes: by then the five-minute timestamp window refuses any replay
 * of them anyway. Also drops expired API tokens.
 */
@Component
class NonceCleanupJob implements Job {

    private final JdbcClient jdbc;
    private final Clock clock;

    NonceCleanupJob(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "nonce-cleanup";
    }

    @Override
    public Duration interval() {
        return Duration.ofMinutes(10);
    }

    @Override
    public String run() {
        int nonces = jdbc.sql("delete from identity_request_nonce where seen_at < :t")
                .param("t", Zones.now(clock).minusMinutes(15)).update();
        int tokens = jdbc.sql("delete from identity_api_token where expires_at < :t")
                .param("t", Zones.now(clock)).update();
        return "removed " + nonces + " nonces, " + tokens + " expired tokens";
    }
}
