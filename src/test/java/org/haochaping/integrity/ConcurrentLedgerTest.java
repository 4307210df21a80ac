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
 * lock), while another region's chain grows beside it; both chains still verify. The test works in two regions of
 * its own (西大街街道 and 西大街社区).
 */
class ConcurrentLedgerTest extends IntegrityTest {

    static final String STREET = "411002001";
    static final String COMMUNITY = "411002001001";

    private Map<String, Object> inRegion(String region) {
        Map<String, Object> body = atWeidu(person(null), 50);
        body.put("regionCode", region);
        return body;
    }

    @Test
    void simultaneousRatingsInOneRegionGetConsecutiveLinksAndTheLedgerStaysIntact() throws Exception {
        int perRegion = 12;
        List<String> streetCases = new ArrayList<>();
        List<String> communityCases = new ArrayList<>();
        for (int i = 0; i < perRegion; i++) {
            String street = Cases.newCaseNo();
            api.putCase(street, inRegion(STREET));
            streetCases.add(street);
            String community = Cases.newCaseNo();
            api.putCase(community, inRegion(COMMUNITY));
            communityCases.add(community);
        }
        long streetHeadBefore = head(STREET);
        long communityHeadBefore = head(COMMUNITY);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<TestApi.Answer>> answers = new ArrayList<>();
        List<String> all = new ArrayList<>(streetCases);
        all.addAll(communityCases);
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
        assertConsecutive(STREET, streetHeadBefore);
        assertConsecutive(COMMUNITY, communityHeadBefore);
        assertThat(head(STREET)).isGreaterThanOrEqualTo(streetHeadBefore + perRegion);
        assertThat(head(COMMUNITY)).isGreaterThanOrEqualTo(communityHeadBefore + perRegion);
        String auditor = api.login("auditor");
        for (String region : List.of(STREET, COMMUNITY)) {
            assertThat(api.bearer(auditor, "GET", "/api/v1/integrity/ledger/verification?regionCode=" + region, null)
                    .json().path("intact").asBoolean()).isTrue();
        }
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
