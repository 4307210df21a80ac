package org.haochaping.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.haochaping.support.Await;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * 第十五条: staff at the bottom for consecutive months are key supervision targets, flagged for reassignment after
 * three; 第十二条: an item where bad ratings cluster is shown with typical cases free of personal data.
 */
class SupervisionTest extends IntegrationTest {

    private long counted(String department) {
        Long n = jdbc.sql("select sum(ratings) from analytics_daily where department_code = :d").param("d", department)
                .query(Long.class).single();
        return n == null ? 0 : n;
    }

    /** Moves the clock to the 15th of next month. */
    private void nextMonth() {
        LocalDate today = OffsetDateTime.now(clock).atZoneSameInstant(Zones.SHANGHAI).toLocalDate();
        LocalDate target = today.withDayOfMonth(1).plusMonths(1).withDayOfMonth(15);
        clock.advance(Duration.ofDays(target.toEpochDay() - today.toEpochDay()));
    }

    @Test
    void staffAtTheBottomThreeMonthsRunningIsListedAndFlaggedAndTheBadItemIsAConcentration() {
        Place p = Place.create(jdbc);
        long expected = 0;
        for (int month = 0; month < 3; month++) {
            if (month > 0) {
                nextMonth();
            }
            for (int i = 0; i < 5; i++) {
                p.rated(api, p.staff1(), p.item1(), "VERY_SATISFIED", null);
                p.rated(api, p.staff2(), p.item1(), i == 0 ? "BASIC" : "SATISFIED", null);
                Place.rate(api, p.completedCase(api, p.staff3(), p.item2()), "DISSATISFIED",
                        "窗口的李主任态度生硬，让我跑了三趟，我的电话13812345678", List.of("ATTITUDE_POOR", "MANY_TRIPS"));
            }
            expected += 15;
            long want = expected;
            Await.until("month " + month + " counted", () -> counted(p.department()) == want);
        }
        String period = OffsetDateTime.now(clock).atZoneSameInstant(Zones.SHANGHAI).toLocalDate().toString()
                .substring(0, 7);
        String token = api.login("supervisor");

        TestApi.Answer answer = api.bearer(token, "GET", "/api/v1/stats/key-supervision?subject=STAFF&period=" + period
                + "&departmentCode=" + p.department(), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode targets = answer.json();
        assertThat(targets.size()).isEqualTo(1);
        JsonNode target = targets.get(0);
        assertThat(target.path("code").asString()).isEqualTo(p.staff3());
        assertThat(target.path("consecutive").asInt()).isEqualTo(3);
        assertThat(target.path("reassign").asBoolean()).isTrue();
        JsonNode history = target.path("history");
        assertThat(history.size()).isEqualTo(6);
        JsonNode last = history.get(5);
        assertThat(last.path("period").asString()).isEqualTo(period);
        assertThat(last.path("rank").asInt()).isEqualTo(3);
        assertThat(last.path("ranked").asInt()).isEqualTo(3);
        assertThat(last.path("score").asDouble()).isEqualTo(20.0);
        assertThat(last.path("bottom").asBoolean()).isTrue();
        assertThat(history.get(2).path("rank").isNull()).as("no ratings before the first month").isTrue();

        // two months only: listed, not yet flagged
        String previous = Period.parse(period).previous().code();
        JsonNode earlier = api.bearer(token, "GET", "/api/v1/stats/key-supervision?subject=STAFF&period=" + previous
                + "&departmentCode=" + p.department(), null).json();
        assertThat(earlier.get(0).path("consecutive").asInt()).isEqualTo(2);
        assertThat(earlier.get(0).path("reassign").asBoolean()).isFalse();

        TestApi.Answer clusters = api.bearer(token, "GET", "/api/v1/stats/bad-clusters?period=" + period
                + "&departmentCode=" + p.department(), null);
        assertThat(clusters.status()).as(clusters.body()).isEqualTo(200);
        JsonNode item = null;
        for (JsonNode c : clusters.json()) {
            if (c.path("code").asString().equals(p.item2())) {
                item = c;
            }
        }
        assertThat(item).as("item 2 is a concentration: " + clusters.body()).isNotNull();
        assertThat(item.path("bad").asLong()).isEqualTo(5);
        assertThat(item.path("badRate").asDouble()).isEqualTo(1.0);
        assertThat(item.path("timesOverall").asDouble()).isEqualTo(3.0);
        assertThat(item.path("reasons").findValuesAsString("label")).contains("态度生硬", "多次跑腿");
        JsonNode typical = item.path("cases");
        assertThat(typical.size()).isEqualTo(3);
        String told = typical.toString();
        assertThat(told).contains("态度生硬").doesNotContain("13812345678", "李主任", "caseNo", "张三");
    }
}
