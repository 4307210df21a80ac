package org.haochaping.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rating endpoint's throughput, measured against a baseline on the same server in the same run (the trivial
 * health endpoint) because the machines are shared and noisy: prints requests/s, the ratio to the baseline and
 * median/p95 latencies. Run with {@code mvn test -Pbench} (add {@code -Ppostgres} for PostgreSQL).
 */
@Tag("bench")
class RatingThroughputBenchmark extends IntegrationTest {

    static final int CLIENTS = 8;
    static final int RATINGS = 2000;

    record Figures(String name, int requests, double seconds, double medianMs, double p95Ms) {
        double perSecond() {
            return requests / seconds;
        }
    }

    @Test
    void ratingsPerSecondComparedWithTheHealthEndpoint() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < RATINGS; i++) {
            String url = api.putCase(Cases.newCaseNo(), Cases.completedAtCityHall()).json().path("invitation").path("url").asString();
            tokens.add(url.substring(url.lastIndexOf('/') + 1));
        }
        run("warm-up", 200, i -> api.get("/actuator/health").status());
        Figures baseline = run("GET /actuator/health (baseline)", RATINGS, i -> api.get("/actuator/health").status());
        Figures ratings = run("POST /api/v1/evaluations", RATINGS, i -> api.post("/api/v1/evaluations",
                TestApi.json(Map.of("token", tokens.get(i), "level", i % 20 == 0 ? "DISSATISFIED" : "VERY_SATISFIED",
                        "comment", "基准测试"))).status());
        for (Figures f : List.of(baseline, ratings)) {
            System.out.printf("BENCH %-34s %6d requests %8.1f req/s  median %6.2f ms  p95 %6.2f ms%n", f.name(),
                    f.requests(), f.perSecond(), f.medianMs(), f.p95Ms());
        }
        System.out.printf("BENCH ratings/s as a fraction of the baseline: %.2f (%d clients)%n",
                ratings.perSecond() / baseline.perSecond(), CLIENTS);
        assertThat(jdbc.sql("select count(*) from evaluation_evaluation where comment = '基准测试'").query(Long.class)
                .single()).isGreaterThanOrEqualTo(RATINGS);
    }

    private Figures run(String name, int requests, IntFunction<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                int status = call.apply(index);
                return new long[] {System.nanoTime() - t0, status};
            }));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            assertThat(r[1]).as(name).isIn(200L, 201L);
            latencies.add(r[0]);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Collections.sort(latencies);
        return new Figures(name, requests, seconds, latencies.get(latencies.size() / 2) / 1e6,
                latencies.get((int) (latencies.size() * 0.95)) / 1e6);
    }
}
