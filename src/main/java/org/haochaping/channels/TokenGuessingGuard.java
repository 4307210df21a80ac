package org.haochaping.channels;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.haochaping.system.DomainProblem;
import org.haochaping.system.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down guessing of rating links: a source address that presents too many forged or unknown tokens within ten
 * minutes is refused (429) until the window passes. Counted in the database, so every instance sees the same count,
 * and in a transaction of its own, so a refused rating does not roll the count back.
 */
@Component
class TokenGuessingGuard {

    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int MAX_MISSES = 30;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    TokenGuessingGuard(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void before(String source) {
        if (source == null) {
            return;
        }
        Integer misses = jdbc.sql("select misses from channels_token_miss where source = :s and window_start = :w")
                .param("s", source).param("w", window()).query(Integer.class).optional().orElse(0);
        if (misses >= MAX_MISSES) {
            throw new DomainProblem(HttpStatus.TOO_MANY_REQUESTS, "尝试过于频繁", "无效的评价链接尝试过多，请 10 分钟后再试。");
        }
    }

    void miss(String source) {
        if (source == null) {
            return;
        }
        OffsetDateTime window = window();
        ownTransaction.executeWithoutResult(status -> {
            int updated = jdbc.sql("update channels_token_miss set misses = misses + 1 where source = :s and window_start = :w")
                    .param("s", source).param("w", window).update();
            if (updated == 0) {
                try {
                    jdbc.sql("insert into channels_token_miss (source, window_start, misses) values (:s, :w, 1)")
                            .param("s", source).param("w", window).update();
                } catch (DuplicateKeyException concurrent) {
                    jdbc.sql("update channels_token_miss set misses = misses + 1 where source = :s and window_start = :w")
                            .param("s", source).param("w", window).update();
                }
            }
        });
    }

    private OffsetDateTime window() {
        OffsetDateTime now = Zones.now(clock);
        long minutes = WINDOW.toMinutes();
        return now.withMinute((int) (now.getMinute() / minutes * minutes)).withSecond(0).withNano(0);
    }
}
