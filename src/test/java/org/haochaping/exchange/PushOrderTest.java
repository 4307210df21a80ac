package org.haochaping.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code upstream-push} sends the records of a batch at the same time, so a batch may only hold records that do not
 * depend on each other: a case's rating and rectification results wait for the case, a result waits for the case's
 * rating and for the results before it.
 */
class PushOrderTest extends IntegrationTest {

    /** Days no other test reconciles: the records here never reach an upstream. */
    private static final OffsetDateTime LONG_AGO = java.time.ZonedDateTime.of(2020, 3, 2, 10, 0, 0, 0,
            Zones.SHANGHAI).toOffsetDateTime();

    @Autowired
    private PushJobs jobs;

    @Test
    void aBatchNeverHoldsARecordTogetherWithOneItDependsOn() {
        String caseNo = Cases.newCaseNo();
        OffsetDateTime now = LONG_AGO;
        String caseJob = queue(RecordKind.CASE, caseNo, now);
        String rating = queue(RecordKind.RATING, caseNo + "#1", caseNo, now.plusSeconds(1));
        String rectified = queue(RecordKind.RECTIFICATION, caseNo + "-R", caseNo, now.plusSeconds(2));
        String closed = queue(RecordKind.RECTIFICATION, caseNo + "-C", caseNo, now.plusSeconds(3));
        OffsetDateTime later = now.plus(Duration.ofMinutes(1));

        assertThat(due(caseNo, later)).containsExactly(caseJob);
        jobs.sent(caseJob, later, 1, 201);
        assertThat(due(caseNo, later)).containsExactly(rating);
        jobs.sent(rating, later, 1, 201);
        assertThat(due(caseNo, later)).containsExactly(rectified);
        jobs.sent(rectified, later, 1, 201);
        assertThat(due(caseNo, later)).containsExactly(closed);
        jobs.sent(closed, later, 1, 201);
        assertThat(due(caseNo, later)).isEmpty();
    }

    @Test
    void aResendAnsweredAsADuplicateKeepsItsDayAndOneTheUpstreamHadLostCountsToday() {
        String kept = Cases.newCaseNo();
        String lost = Cases.newCaseNo();
        OffsetDateTime yesterday = LONG_AGO;
        String keptJob = queue(RecordKind.CASE, kept, yesterday);
        String lostJob = queue(RecordKind.CASE, lost, yesterday);
        jobs.sent(keptJob, yesterday, 1, 201);
        jobs.sent(lostJob, yesterday, 1, 201);

        OffsetDateTime today = LONG_AGO.plusDays(1);
        jobs.sent(keptJob, today, 1, 200);
        jobs.sent(lostJob, today, 1, 201);

        assertThat(sentOn(keptJob)).isEqualTo(yesterday.toLocalDate().toString());
        assertThat(sentOn(lostJob)).isEqualTo(today.toLocalDate().toString());
    }

    private String queue(RecordKind kind, String caseNo, OffsetDateTime at) {
        return queue(kind, caseNo, caseNo, at);
    }

    private String queue(RecordKind kind, String key, String caseNo, OffsetDateTime at) {
        return jobs.enqueue(new PushJobs.NewJob(kind, key, caseNo, null, "411000", null, null, null), at)
                .orElseThrow();
    }

    private List<String> due(String caseNo, OffsetDateTime at) {
        return jobs.due(at, 100_000).stream().filter(j -> j.caseNo().equals(caseNo)).map(PushJobs.PushJob::id)
                .toList();
    }

    private String sentOn(String id) {
        return jdbc.sql("select sent_on from exchange_push_job where id = :id").param("id", id)
                .query(java.time.LocalDate.class).single().toString();
    }
}
