package org.haochaping.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.haochaping.support.Cases;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;

/**
 * Ratings submitted at the same moment in one region take consecutive, distinct places in its chain (the head row
 * lock), while another region's chain grows beside it; the whole ledger still verifies.
 */
class ConcurrentLedgerTest extends IntegrityTest {

    @Test
    void simultaneousRatingsInOneRegionGetConsecutiveLinksAndTheLedgerStaysIntact() throws Exception {
        int perRegion = 12;
        List<String> cityCases = new ArrayList<>();
        List<String> yuzhouCases = new ArrayList<>();
        for (int i = 0; i < perRegion; i++) {
            String city = Cases.newCaseNo();
            api.putCase(city, cityHall(person(null), 50));
            cityCases.add(city);
            String yuzhou = Cases.newCaseNo();
            api.putCase(yuzhou, atYuzhou(person(null), 50));
            yuzhouCases.add(yuzhou);
        }
        long cityHeadBefore = head("411000");
        long yuzhouHeadBefore = head("411081");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<TestApi.Answer>> answers = new ArrayList<>();
        List<String> all = new ArrayList<>(cityCases);
        all.addAll(yuzhouCases);
        for (String caseNo : all) {
            Callable<TestApi.Answer> call = () -> {
                start.await();
                return api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo,
                        "channel", "MOBILE", "level", "SATISFIED")), TestApi.PLATFORM, TestApi.PLATFORM_SECRET);
            };
            answers.add(pool.submit(call));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<TestApi.Answer> answer : answers) {
            TestApi.Answer a = answer.get();
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            ids.add(a.text("id"));
        }
        pool.shutdown();

        for (String id : ids) {
            assertThat(jdbc.sql("select count(*) from integrity_ledger_entry where evaluation_id = :id and kind = 'SUBMITTED'")
                    .param("id", id).query(Long.class).single()).isEqualTo(1);
        }
        assertConsecutive("411000", cityHeadBefore);
        assertConsecutive("411081", yuzhouHeadBefore);
        assertThat(head("411000")).isGreaterThanOrEqualTo(cityHeadBefore + perRegion);
        assertThat(head("411081")).isGreaterThanOrEqualTo(yuzhouHeadBefore + perRegion);
        assertThat(api.bearer(api.login("auditor"), "GET", "/api/v1/integrity/ledger/verification", null).json()
                .path("intact").asBoolean()).isTrue();
    }

    private long head(String region) {
        return jdbc.sql("select coalesce(max(head_seq), 0) from integrity_ledger_head where region_code = :r")
                .param("r", region).query(Long.class).single();
    }

    /** Sequence numbers 1..head with no gap and no duplicate, each entry linked to the one before. */
    private void assertConsecutive(String region, long from) {
        List<Map<String, Object>> entries = jdbc.sql("""
                select seq, prev_hash, hash from integrity_ledger_entry where region_code = :r and seq > :from
                order by seq""").param("r", region).param("from", from).query().listOfRows();
        String previous = from == 0 ? "0".repeat(64) : jdbc.sql(
                "select hash from integrity_ledger_entry where region_code = :r and seq = :s")
                .param("r", region).param("s", from).query(String.class).single();
        long expected = from + 1;
        for (Map<String, Object> entry : entries) {
            assertThat(((Number) entry.get("seq")).longValue()).isEqualTo(expected++);
            assertThat(entry.get("prev_hash")).isEqualTo(previous);
            previous = (String) entry.get("hash");
        }
    }
}
