package org.haochaping.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.haochaping.support.Await;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The rankings API orders subjects by the shrunk score, with the score, count and rating rate beside it. */
class RankingTest extends IntegrationTest {

    private long counted(String department) {
        Long n = jdbc.sql("select sum(ratings) from analytics_daily where department_code = :d").param("d", department)
                .query(Long.class).single();
        return n == null ? 0 : n;
    }

    @Test
    void twoPerfectRatingsDoNotOutrankTwentyAveragingNinetyFive() {
        Place p = Place.create(jdbc);
        // staff 1: 2 × 非常满意 (mean 100); staff 2: 15 × 非常满意 + 5 × 满意 (mean 95); staff 3: 10 × 基本满意 (60)
        for (int i = 0; i < 2; i++) {
            p.rated(api, p.staff1(), p.item1(), "VERY_SATISFIED", null);
        }
        for (int i = 0; i < 20; i++) {
            p.rated(api, p.staff2(), p.item2(), i < 15 ? "VERY_SATISFIED" : "SATISFIED", null);
        }
        for (int i = 0; i < 10; i++) {
            p.rated(api, p.staff3(), p.item2(), "BASIC", null);
        }
        p.completedCase(api, p.staff1(), p.item1());
        p.completedCase(api, p.staff1(), p.item1());
        Await.until("32 ratings counted", () -> counted(p.department()) == 32);

        String period = LocalDate.now(Zones.SHANGHAI).toString().substring(0, 7);
        TestApi.Answer answer = api.bearer(api.login("supervisor"), "GET",
                "/api/v1/rankings?subject=STAFF&period=" + period + "&departmentCode=" + p.department(), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode ranking = answer.json();
        assertThat(ranking.path("periodLabel").asString()).contains("年");
        // pooled mean C = (200 + 1900 + 600) / 32 = 84.375
        assertThat(ranking.path("overallMean").asDouble()).isEqualTo(84.38);
        JsonNode items = ranking.path("items");
        assertThat(items.size()).isEqualTo(3);
        assertThat(List.of(items.get(0).path("subjectCode").asString(), items.get(1).path("subjectCode").asString(),
                items.get(2).path("subjectCode").asString())).containsExactly(p.staff2(), p.staff1(), p.staff3());

        JsonNode first = items.get(0);
        assertThat(first.path("rank").asInt()).isEqualTo(1);
        assertThat(first.path("score").asDouble()).isEqualTo(95.0);
        assertThat(first.path("count").asLong()).isEqualTo(20);
        assertThat(first.path("subjectName").asString()).startsWith("乙");
        // (20 × 95 + 30 × 84.375) / 50
        assertThat(first.path("rankingScore").asDouble()).isEqualTo(88.63);
        assertThat(first.path("ratingRate").asDouble()).isEqualTo(1.0);

        JsonNode lucky = items.get(1);
        assertThat(lucky.path("score").asDouble()).isEqualTo(100.0);
        assertThat(lucky.path("count").asLong()).isEqualTo(2);
        // 2 person ratings over 4 completed cases
        assertThat(lucky.path("ratingRate").asDouble()).isEqualTo(0.5);
        assertThat(lucky.path("rankingScore").asDouble()).isLessThan(first.path("rankingScore").asDouble());
        assertThat(items.get(2).path("score").asDouble()).isEqualTo(60.0);

        TestApi.Answer departments = api.bearer(api.login("supervisor"), "GET",
                "/api/v1/rankings?subject=DEPARTMENT&period=" + period.substring(0, 4), null);
        assertThat(departments.status()).isEqualTo(200);
        assertThat(departments.json().path("items").findValuesAsString("subjectCode")).contains(p.department());
    }

    @Test
    void rankingsNeedAKnownSubjectAndPeriod() {
        String token = api.login("supervisor");
        assertThat(api.bearer(token, "GET", "/api/v1/rankings?subject=PLANET&period=2026-11", null).status())
                .isEqualTo(400);
        TestApi.Answer badPeriod = api.bearer(token, "GET", "/api/v1/rankings?subject=STAFF&period=2026-13", null);
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("period");
        assertThat(api.bearer(token, "GET", "/api/v1/rankings?subject=REGION&period=2026-Q4", null).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/rankings?subject=STAFF&period=2026-11").status()).isEqualTo(401);
    }
}
