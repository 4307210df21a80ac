package org.haochaping.channels;

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
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;

/** 一次服务评价一次 under load: simultaneous submissions from two channels store exactly one rating. */
class ConcurrentRatingTest extends IntegrationTest {

    @Test
    void simultaneousSubmissionsForOneCaseStoreExactlyOne() throws Exception {
        String caseNo = Cases.newCaseNo();
        String url = api.putCase(caseNo, Cases.completedAtCityHall()).json().path("invitation").path("url").asString();
        String token = url.substring(url.lastIndexOf('/') + 1);
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            boolean viaPlatform = i % 2 == 0;
            Callable<Integer> call = () -> {
                start.await();
                if (viaPlatform) {
                    return api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo,
                            "channel", "MOBILE", "level", "SATISFIED")), TestApi.PLATFORM, TestApi.PLATFORM_SECRET).status();
                }
                return api.post("/api/v1/evaluations", TestApi.json(Map.of("token", token, "level", "BASIC"))).status();
            };
            answers.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).allMatch(s -> s == 201 || s == 409 || s == 410);
        assertThat(jdbc.sql("select count(*) from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(Long.class).single()).isEqualTo(1);
    }
}
