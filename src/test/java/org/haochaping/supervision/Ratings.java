package org.haochaping.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.MovableClock;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Ratings given the way citizens give them, at the movable clock's time, for the supervision tests. */
final class Ratings {

    record Rated(String caseNo, String evaluationId, String workOrderId) {
    }

    private final TestApi api;
    private final JdbcClient jdbc;
    private final MovableClock clock;

    Ratings(TestApi api, JdbcClient jdbc, MovableClock clock) {
        this.api = api;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Moves the clock to the 10th of the month {@code months} ahead of now, at noon; answers that month. */
    YearMonth moveToMonthAhead(int months) {
        clock.reset();
        YearMonth target = YearMonth.now(clock).plusMonths(months);
        OffsetDateTime at = target.atDay(10).atTime(12, 0).atZone(Zones.SHANGHAI).toOffsetDateTime();
        clock.advance(Duration.between(OffsetDateTime.now(clock), at));
        return target;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Rated cityHall(String level) {
        return rate(Cases.completedAtCityHall(), level);
    }

    Rated yuzhou(String level) {
        return rate(Cases.completedAtYuzhou(), level);
    }

    Rated rate(Map<String, Object> body, String level) {
        OffsetDateTime completed = OffsetDateTime.now(clock).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
        body.put("acceptedAt", completed.minusMinutes(30).toString());
        body.put("completedAt", completed.toString());
        String caseNo = Cases.newCaseNo();
        TestApi.Answer reported = api.putCase(caseNo, body);
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String url = reported.json().path("invitation").path("url").asString();
        String token = url.substring(url.lastIndexOf('/') + 1);
        TestApi.Answer rated = api.post("/api/v1/evaluations", TestApi.json(Map.of("token", token, "level", level,
                "comment", "办事体验 " + caseNo)));
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        String evaluationId = rated.text("id");
        if (!level.endsWith("DISSATISFIED")) {
            return new Rated(caseNo, evaluationId, null);
        }
        Await.until("work order of " + caseNo, () -> jdbc.sql(
                "select count(*) from rectification_work_order where evaluation_id = :e").param("e", evaluationId)
                .query(Long.class).single() == 1);
        return new Rated(caseNo, evaluationId, jdbc.sql("select id from rectification_work_order where evaluation_id = :e")
                .param("e", evaluationId).query(String.class).single());
    }

    /** 禹州人社局 far worse than 市场监管局 in two consecutive (future, otherwise empty) months; answers the second. */
    YearMonth twoBadMonthsForYuzhou(int firstMonthAhead) {
        YearMonth month = null;
        for (int m = firstMonthAhead; m < firstMonthAhead + 2; m++) {
            month = moveToMonthAhead(m);
            for (int i = 0; i < 6; i++) {
                cityHall("VERY_SATISFIED");
                yuzhou(i % 2 == 0 ? "VERY_DISSATISFIED" : "BASIC");
            }
        }
        YearMonth last = month;
        Await.until("rankings of " + last, () -> departmentsRanked(last) >= 2 && departmentsRanked(last.minusMonths(1)) >= 2);
        return last;
    }

    private int departmentsRanked(YearMonth month) {
        TestApi.Answer answer = as("supervisor", "GET", "/api/v1/rankings?subject=DEPARTMENT&period=" + month, null);
        return answer.status() == 200 ? answer.json().path("items").size() : 0;
    }

    /** The id of the proposed entry of a subject for the period (proposing it now). */
    String proposedEntry(YearMonth month, String kind, String code) {
        TestApi.Answer proposed = as("supervisor", "POST", "/api/v1/supervision/key-entries/proposals",
                Map.of("period", month.toString()));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        for (var e : proposed.json()) {
            if (e.path("kind").asString().equals(kind) && e.path("subjectCode").asString().equals(code)) {
                return e.path("id").asString();
            }
        }
        throw new AssertionError("not proposed: " + code + " in " + proposed.body());
    }

    TestApi.Answer as(String user, String method, String path, Object body) {
        return api.bearer(api.login(user), method, path, body);
    }

    /** A bad rating at the city hall, confirmed by the supervision office (履职不到位 found). */
    Rated confirmedAtCityHall() {
        Rated rated = cityHall("DISSATISFIED");
        TestApi.Answer answer = as("supervisor", "POST", "/api/v1/work-orders/" + rated.workOrderId() + "/verification",
                Map.of("verdict", "CONFIRMED", "note", "调取录像，窗口未一次性告知，情况属实"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return rated;
    }
}
