package org.haochaping.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.haochaping.system.DomainProblem;
import org.haochaping.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Guessing rating links is slowed down: too many forged tokens from one address are refused for a while. */
class TokenGuessingTest extends IntegrationTest {

    @Autowired
    TokenGuessingGuard guard;

    @Test
    void aSourceWithTooManyForgedTokensIsRefusedUntilTheWindowPasses() {
        String source = "203.0.113." + (System.nanoTime() % 200);
        for (int i = 0; i < TokenGuessingGuard.MAX_MISSES; i++) {
            guard.before(source);
            guard.miss(source);
        }
        assertThatThrownBy(() -> guard.before(source)).isInstanceOfSatisfying(DomainProblem.class,
                p -> assertThat(p.status().value()).isEqualTo(429));
        guard.before("198.51.100.1");
        clock.advance(TokenGuessingGuard.WINDOW.plus(Duration.ofMinutes(1)));
        guard.before(source);
    }

    @Test
    void forgedTokensOverHttpAreCounted() {
        long before = jdbc.sql("select coalesce(sum(misses), 0) from channels_token_miss where source in ('127.0.0.1', '0:0:0:0:0:0:0:1')")
                .query(Long.class).single();
        assertThat(api.get("/e/" + "A".repeat(44)).status()).isEqualTo(404);
        assertThat(jdbc.sql("select coalesce(sum(misses), 0) from channels_token_miss where source in ('127.0.0.1', '0:0:0:0:0:0:0:1')")
                .query(Long.class).single()).isEqualTo(before + 1);
    }
}
