package org.haochaping.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Retries back off exponentially while the upstream is down; only refusals of the record itself count toward the dead letters. */
class PushRetryPolicyTest {

    private final PushRetryPolicy policy = new PushRetryPolicy(new ExchangeSettings(
            new ExchangeSettings.Peer(null, null, null, ExchangeSettings.Format.JSON, "provincial", null, null),
            new ExchangeSettings.Retry(Duration.ofSeconds(30), Duration.ofHours(1), 5, 200, Duration.ofSeconds(15),
                    Duration.ofMinutes(2), 4),
            new ExchangeSettings.Inbound("provincial"), "HCP", Map.of(), Map.of(), Duration.ofSeconds(3)));

    private final OffsetDateTime now = OffsetDateTime.parse("2026-11-26T09:30:00+08:00");

    @Test
    void theWaitDoublesAfterEachFailedAttemptUpToTheMaximum() {
        assertThat(policy.nextAttempt(now, 1)).isEqualTo(now.plusSeconds(30));
        assertThat(policy.nextAttempt(now, 2)).isEqualTo(now.plusSeconds(60));
        assertThat(policy.nextAttempt(now, 5)).isEqualTo(now.plusSeconds(480));
        assertThat(policy.nextAttempt(now, 8)).isEqualTo(now.plusSeconds(3600));
        assertThat(policy.nextAttempt(now, 1000)).isEqualTo(now.plusHours(1));
    }

    @Test
    void onlyRefusalsOfTheRecordItselfCount() {
        assertThat(policy.refusesRecord(400)).isTrue();
        assertThat(policy.refusesRecord(403)).isTrue();
        assertThat(policy.refusesRecord(409)).isTrue();
        assertThat(policy.refusesRecord(401)).as("the sender's credentials or clock, not the record").isFalse();
        assertThat(policy.refusesRecord(429)).isFalse();
        assertThat(policy.refusesRecord(503)).isFalse();
        assertThat(policy.refusesRecord(500)).isFalse();
    }

    @Test
    void aRecordGoesToTheDeadLettersAfterTheConfiguredNumberOfRefusals() {
        assertThat(policy.deadAfter(4)).isFalse();
        assertThat(policy.deadAfter(5)).isTrue();
    }

    @Test
    void codeTablesMapBothWaysAndFallBackForUnknownLocalValues() {
        CodeTables.CodeTable table = new CodeTables.CodeTable("provincial", 1, Map.of(
                CodeKind.LEVEL, Map.of("VERY_DISSATISFIED", "1", "VERY_SATISFIED", "5"),
                CodeKind.ID_TYPE, Map.of("ID_CARD", "111", "OTHER", "990", CodeTables.FALLBACK, "990")));
        assertThat(table.encode(CodeKind.LEVEL, "VERY_SATISFIED")).contains("5");
        assertThat(table.decode(CodeKind.LEVEL, "1")).contains("VERY_DISSATISFIED");
        assertThat(table.encode(CodeKind.ID_TYPE, "MILITARY_ID")).contains("990");
        assertThat(table.decode(CodeKind.ID_TYPE, "990")).contains("OTHER");
        assertThat(table.decode(CodeKind.LEVEL, "9")).isEmpty();
        assertThat(table.encode(CodeKind.CHANNEL, "PC")).isEmpty();
    }

    @Test
    void provincialTimesReadAndWriteInBeijingTime() {
        OffsetDateTime utc = OffsetDateTime.parse("2026-11-26T01:30:05Z");
        assertThat(ExchangeRecord.format(utc)).isEqualTo("2026-11-26 09:30:05");
        assertThat(ExchangeRecord.parse("2026-11-26 09:30:05").toInstant()).isEqualTo(utc.toInstant());
        assertThat(ExchangeRecord.parse("2026-11-26T09:30:05")).isNull();
    }
}
